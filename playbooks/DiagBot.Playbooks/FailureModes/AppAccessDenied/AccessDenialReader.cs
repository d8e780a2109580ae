using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The denials an application met: its own log lines (FilterLogEvents over the task definition's awslogs groups)
/// and CloudTrail's record of the task's calls, with any call of a denied name the execution role made successfully.
/// </summary>
internal sealed record AccessDenialReader(
    IReadOnlyList<AccessDenial> Logged,
    IReadOnlyList<AuditEvent> TrailDenied,
    IReadOnlyList<AuditEvent> ExecutionRoleAllowed,
    bool LogsRead,
    bool TrailRead,
    IReadOnlyList<EvidenceGap> Missing)
{
    private const int LinesRead = 50;

    public static IReadOnlyList<LogGroupRef> LogGroupsOf(EcsTaskDefinition definition, string? taskArn) =>
        ServiceLogs.GroupsOf(definition, taskArn ?? definition.TaskDefinitionArn);

    public static async Task<AccessDenialReader> ReadAsync(
        IEvidenceSource evidence, EcsTaskDefinition definition, EcsTask? task, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // The task's own trail needs nothing from the logs, so both go out together.
        var taskTrailRead = task is null ? null : evidence.AuditTrail.LookupEventsAsync(TaskTrailQuery(task.TaskArn, start, end), cancellationToken);
        var groups = LogGroupsOf(definition, task?.TaskArn);
        var results = await Task.WhenAll(groups.Select(group => evidence.Logs.FilterEventsAsync(DenialFilter(group, start, end), cancellationToken))).ConfigureAwait(false);
        var logged = results.SelectMany(r => r.Value ?? []).Select(e => AccessDenial.Parse(e.Message)).OfType<AccessDenial>().ToList();
        var missing = results.Select(r => r.Gap).OfType<EvidenceGap>().ToList();

        // A log group that does not exist holds no denial: it counts as read, and its gap is still named.
        var logsRead = groups.Count > 0 && missing.All(g => g.Reason == GapReason.NotFound);
        if (groups.Count == 0)
        {
            missing.Add(new EvidenceGap("logs", "FilterLogEvents", GapReason.NotFound, $"task definition {definition.Family}:{definition.Revision} sends no container's output to CloudWatch Logs (no awslogs log configuration)"));
        }

        // Without a task, the denied call's name (when a log line gave it) is the one attribute left to look up by.
        var eventName = logged.Select(d => d.EventName).FirstOrDefault(n => n is not null);
        var trailRead = taskTrailRead ?? (eventName is null ? null : evidence.AuditTrail.LookupEventsAsync(TrailQuery(AuditLookupAttribute.EventName, eventName, definition.TaskDefinitionArn, start, end), cancellationToken));
        if (trailRead is null)
        {
            return new AccessDenialReader(logged, [], [], logsRead, false, missing);
        }

        var trail = await trailRead.ConfigureAwait(false);
        if (trail.Gap is not null)
        {
            missing.Add(trail.Gap);
        }

        var events = trail.Value ?? [];
        var denied = events.Where(e => e.IsDenied && IsTheApp(e, definition, task)).ToList();
        var deniedCalls = logged.Select(d => d.EventName).Concat(denied.Select(e => e.EventName)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var allowed = events.Where(e => !e.IsDenied && definition.ExecutionRoleArn is { } execution && SameRole(e.SessionIssuerArn, execution)
            && e.EventName is not null && deniedCalls.Contains(e.EventName)).ToList();
        return new AccessDenialReader(logged, denied, allowed, logsRead, trail.Value is not null, missing);
    }

    /// <summary>
    /// Starts, for a service's triage, the two reads playbook 4 makes for its running task: the task's CloudTrail
    /// events as soon as ListTasks names it, and its denial lines once the task definition is read.
    /// </summary>
    public static async Task PrefetchAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (service.ClusterArn is not { } cluster || service.TaskDefinition is not { } definitionArn)
        {
            return;
        }

        var definitionRead = evidence.Ecs.DescribeTaskDefinitionAsync(definitionArn, cancellationToken);
        var listed = await evidence.Ecs.ListTasksAsync(ServiceScope.ListQuery(cluster, service.ServiceName, "RUNNING"), cancellationToken).ConfigureAwait(false);
        if (listed.Value?.FirstOrDefault() is not { } taskArn)
        {
            return;
        }

        var trail = evidence.AuditTrail.LookupEventsAsync(TaskTrailQuery(taskArn, start, end), cancellationToken);
        var definition = (await definitionRead.ConfigureAwait(false)).Value;
        var logs = (definition is null ? [] : LogGroupsOf(definition, taskArn)).Select(group => evidence.Logs.FilterEventsAsync(DenialFilter(group, start, end), cancellationToken));
        await Task.WhenAll([trail, .. logs]).ConfigureAwait(false);
    }

    // ECS names the sessions of both of a task's roles after the task id, so one lookup finds the task's calls under either.
    private static AuditQuery TaskTrailQuery(string taskArn, DateTimeOffset start, DateTimeOffset end) =>
        TrailQuery(AuditLookupAttribute.Username, taskArn[(taskArn.LastIndexOf('/') + 1)..], taskArn, start, end);

    private static AuditQuery TrailQuery(string key, string value, string scopeArn, DateTimeOffset start, DateTimeOffset end)
    {
        var scope = AwsScope.FromArn(scopeArn);
        return new AuditQuery { AttributeKey = key, AttributeValue = value, StartTime = start, EndTime = end, Region = scope.Region, AccountId = scope.AccountId };
    }

    private static LogFilter DenialFilter(LogGroupRef group, DateTimeOffset start, DateTimeOffset end) =>
        new() { Group = group, FilterPattern = AccessDenial.LogFilterPattern, StartTime = start, EndTime = end, Limit = LinesRead };

    private static bool IsTheApp(AuditEvent e, EcsTaskDefinition definition, EcsTask? task) =>
        (definition.TaskRoleArn is { } taskRole && SameRole(e.SessionIssuerArn, taskRole))
        || (task is not null && (e.PrincipalArn?.EndsWith("/" + task.TaskId, StringComparison.Ordinal) ?? false))
        || (definition.TaskRoleArn is null && AccessDenial.Classify(e.PrincipalArn, null, definition.ExecutionRoleArn) == DeniedPrincipal.InstanceRole);

    private static bool SameRole(string? arn, string roleArn) =>
        arn is not null && AccessDenial.NameOf(arn) == AccessDenial.NameOf(roleArn);
}
