using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Playbooks.Services;

/// <summary>
/// The service a diagnosis is about: the one triage described, or for a task subject the one its group
/// ("service:&lt;name&gt;") names. The session caches every call, so asking again costs nothing.
/// </summary>
internal static class ServiceScope
{
    private const string ServiceGroupPrefix = "service:";

    public static string? ServiceNameOf(EcsTask task) =>
        task.Group is { } group && group.StartsWith(ServiceGroupPrefix, StringComparison.Ordinal) ? group[ServiceGroupPrefix.Length..] : null;

    /// <summary>The service, or the gap that stands in its place; (null, null) for a standalone task or no subject at all.</summary>
    public static async Task<(EcsService? Service, EvidenceGap? Gap)> ResolveAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Service is { } known)
        {
            return (known, null);
        }

        if (context.Task is not { } task || ServiceNameOf(task) is not { } name)
        {
            return (null, null);
        }

        var described = await context.Evidence.Ecs.DescribeServiceAsync(task.ClusterArn, name, cancellationToken).ConfigureAwait(false);
        return (described.Value, described.Gap);
    }

    /// <summary>ListTasks for the service in one desired status, then DescribeTasks on the first few, newest first.</summary>
    public static Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EvidenceGap> Gaps)> TasksAsync(
        IEcsEvidence ecs, EcsService service, string desiredStatus, int count, CancellationToken cancellationToken) =>
        TasksAsync(ecs, service.ClusterArn ?? string.Empty, service.ServiceName, desiredStatus, count, cancellationToken);

    /// <summary>The same, from a task's cluster and service group, for a caller that need not wait for DescribeServices first.</summary>
    public static async Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EvidenceGap> Gaps)> TasksAsync(
        IEcsEvidence ecs, string clusterArn, string serviceName, string desiredStatus, int count, CancellationToken cancellationToken)
    {
        var listed = await ecs.ListTasksAsync(ListQuery(clusterArn, serviceName, desiredStatus), cancellationToken).ConfigureAwait(false);
        if (listed.Value is not { } arns)
        {
            return ([], [listed.Gap!]);
        }

        var described = await Task.WhenAll(arns.Take(count).Select(arn => EcsTaskRef.TryParse(arn, out var reference)
            ? ecs.DescribeTaskAsync(reference, cancellationToken)
            : Task.FromResult(EvidenceResult<EcsTask>.Missing(new EvidenceGap("ecs", "ListTasks", GapReason.InvalidRequest, $"unreadable task ARN {arn}"))))).ConfigureAwait(false);
        var tasks = described.Select(r => r.Value).OfType<EcsTask>().OrderByDescending(t => t.StoppedAt ?? t.StartedAt ?? t.CreatedAt).ToList();
        return (tasks, [.. described.Select(r => r.Gap).OfType<EvidenceGap>()]);
    }

    /// <summary>The one way the playbooks and triage list a service's tasks, so the session answers each listing once.</summary>
    public static EcsTaskListQuery ListQuery(string clusterArn, string serviceName, string desiredStatus) =>
        new(clusterArn) { ServiceName = serviceName, DesiredStatus = desiredStatus, MaxTasks = 20 };

    public static string RegionOf(string? arn) => Diagnostics.Aws.Arn.TryParse(arn, out var parsed) ? parsed.Region : "us-east-1";

    public static string ClusterNameOf(EcsService service, EcsTask? task) =>
        service.ClusterArn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : task?.ClusterName ?? "default";
}
