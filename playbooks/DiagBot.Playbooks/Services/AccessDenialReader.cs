using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.Services;

/// <summary>
/// The denials an application met: its own log lines (FilterLogEvents over the task definition's awslogs groups)
/// and CloudTrail's record of the same calls, with any call of that name the execution role made successfully.
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
        definition.ContainerDefinitions
            .Select(c => c.LogConfiguration)
            .Where(log => log is { LogDriver: EcsLogStreams.AwsLogsDriver } && log.Options.ContainsKey("awslogs-group"))
            .Select(log => new LogGroupRef(log!.Options["awslogs-group"], log.Options.GetValueOrDefault("awslogs-region") ?? AwsScope.FromArn(taskArn).Region, AwsScope.FromArn(taskArn).AccountId))
            .Distinct()
            .ToList();

    public static async Task<AccessDenialReader> ReadAsync(
        IEvidenceSource evidence, EcsTaskDefinition definition, EcsTask? task, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var groups = LogGroupsOf(definition, task?.TaskArn);
        var results = await Task.WhenAll(groups.Select(group => evidence.Logs.FilterEventsAsync(
            new LogFilter { Group = group, FilterPattern = AccessDenial.LogFilterPattern, StartTime = start, EndTime = end, Limit = LinesRead }, cancellationToken))).ConfigureAwait(false);
        var logged = results.SelectMany(r => r.Value ?? []).Select(e => AccessDenial.Parse(e.Message)).OfType<AccessDenial>().ToList();
        var missing = results.Select(r => r.Gap).OfType<EvidenceGap>().ToList();

        // A log group that does not exist holds no denial: it counts as read, and its gap is still named.
        var logsRead = groups.Count > 0 && missing.All(g => g.Reason == GapReason.NotFound);
        if (groups.Count == 0)
        {
            missing.Add(new EvidenceGap("logs", "FilterLogEvents", GapReason.NotFound, $"task definition {definition.Family}:{definition.Revision} sends no container's output to CloudWatch Logs (no awslogs log configuration)"));
        }

        // One attribute per LookupEvents call: the denied call's name when a log line gave it, else the task role's session (the task id).
        var eventName = logged.Select(d => d.EventName).FirstOrDefault(n => n is not null);
        var (key, value) = eventName is not null ? (AuditLookupAttribute.EventName, eventName) : (AuditLookupAttribute.Username, task?.TaskId);
        if (value is null)
        {
            return new AccessDenialReader(logged, [], [], logsRead, false, missing);
        }

        var trail = await evidence.AuditTrail.LookupEventsAsync(TrailQuery(key, value, definition, task, start, end), cancellationToken).ConfigureAwait(false);
        if (trail.Gap is not null)
        {
            missing.Add(trail.Gap);
        }

        var events = trail.Value ?? [];
        var denied = events.Where(e => e.IsDenied && IsTheApp(e, definition, task)).ToList();
        var allowed = events.Where(e => !e.IsDenied && definition.ExecutionRoleArn is { } execution && SameRole(e.SessionIssuerArn, execution)
            && (eventName is null || e.EventName == eventName)).ToList();
        return new AccessDenialReader(logged, denied, allowed, logsRead, trail.Value is not null, missing);
    }

    /// <summary>
    /// Starts the CloudTrail lookup that the denial lines triage already saw predict, so it runs beside the log read
    /// it would otherwise wait for; the session's cache hands the answer to <see cref="ReadAsync"/> when it asks the same.
    /// </summary>
    public static void Prefetch(IEvidenceSource evidence, IEnumerable<string> seenLines, EcsTaskDefinition definition, EcsTask? task, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (seenLines.Select(line => AccessDenial.Parse(line)?.EventName).FirstOrDefault(name => name is not null) is { } eventName)
        {
            _ = evidence.AuditTrail.LookupEventsAsync(TrailQuery(AuditLookupAttribute.EventName, eventName, definition, task, start, end), cancellationToken);
        }
    }

    private static AuditQuery TrailQuery(string key, string value, EcsTaskDefinition definition, EcsTask? task, DateTimeOffset start, DateTimeOffset end)
    {
        var scope = AwsScope.FromArn(task?.TaskArn ?? definition.TaskDefinitionArn);
        return new AuditQuery { AttributeKey = key, AttributeValue = value, StartTime = start, EndTime = end, Region = scope.Region, AccountId = scope.AccountId };
    }

    private static bool IsTheApp(AuditEvent e, EcsTaskDefinition definition, EcsTask? task) =>
        (definition.TaskRoleArn is { } taskRole && SameRole(e.SessionIssuerArn, taskRole))
        || (task is not null && (e.PrincipalArn?.EndsWith("/" + task.TaskId, StringComparison.Ordinal) ?? false))
        || (definition.TaskRoleArn is null && AccessDenial.Classify(e.PrincipalArn, null, definition.ExecutionRoleArn) == DeniedPrincipal.InstanceRole);

    private static bool SameRole(string? arn, string roleArn) =>
        arn is not null && AccessDenial.NameOf(arn) == AccessDenial.NameOf(roleArn);
}
