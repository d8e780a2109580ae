using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// A stopped task's memory over its life, in one GetMetricData call: Container Insights' per-task MemoryUtilized and
/// MemoryReserved (enhanced observability: ClusterName, TaskDefinitionFamily, TaskId; Megabytes), and the service's
/// AWS/ECS MemoryUtilization (Maximum: its busiest task, in Percent), which every Fargate service publishes.
/// The request depends on the task alone, so triage's prefetch and the playbook ask the same question.
/// </summary>
internal static class TaskMemoryMetrics
{
    public const string Source = "cloudwatch:GetMetricData";
    public const string ContainerInsights = "ECS/ContainerInsights";

    /// <summary>Enough points to draw and judge a life of any length: the period grows so a read stays under this.</summary>
    private const int MaxPoints = 360;

    public static MetricRequest? RequestFor(EcsTask task)
    {
        if (task.StoppedAt is not { } stopped || (task.StartedAt ?? task.CreatedAt) is not { } started)
        {
            return null;
        }

        var start = started.AddMinutes(-1);
        var end = stopped.AddMinutes(1);
        var period = 60 * (int)Math.Max(1, Math.Ceiling((end - start).TotalMinutes / MaxPoints));
        IReadOnlyList<MetricDimension> perTask = [new("ClusterName", task.ClusterName), new("TaskDefinitionFamily", FamilyOf(task)), new("TaskId", task.TaskId)];
        List<MetricQuery> queries =
        [
            new("used", ContainerInsights, "MemoryUtilized", perTask, period, "Maximum"),
            new("reserved", ContainerInsights, "MemoryReserved", perTask, period, "Maximum"),
        ];
        if (ServiceScope.ServiceNameOf(task) is { } service)
        {
            queries.Add(new("service", "AWS/ECS", "MemoryUtilization", [new("ClusterName", task.ClusterName), new("ServiceName", service)], period, "Maximum"));
        }

        var scope = AwsScope.FromArn(task.TaskArn);
        return new MetricRequest(queries, start, end, scope.Region, scope.AccountId);
    }

    /// <summary>Starts the read early, beside triage's other reads, when a container of a stopped task exited 137.</summary>
    public static Task PrefetchAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        task.Containers.Any(c => c.ExitCode == ExitCodes.SigKill) && RequestFor(task) is { } request
            ? evidence.Metrics.GetMetricDataAsync(request, cancellationToken)
            : Task.CompletedTask;

    public static async Task<(TaskMemory? Memory, EvidenceGap? Gap)> ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        if (RequestFor(task) is not { } request)
        {
            return (null, null);
        }

        var result = await evidence.Metrics.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } metrics)
        {
            return (null, result.Gap);
        }

        var used = metrics.First(m => m.Id == "used").Points;
        var reserved = metrics.First(m => m.Id == "reserved").Points.Select(p => p.Value).DefaultIfEmpty().Max();
        var service = metrics.FirstOrDefault(m => m.Id == "service")?.Points ?? [];
        return (new TaskMemory(used, reserved > 0 ? reserved : null, service, task.StoppedAt!.Value), null);
    }

    // "arn:aws:ecs:us-east-1:111122223333:task-definition/invoice-renderer:14" is family "invoice-renderer".
    private static string FamilyOf(EcsTask task)
    {
        var name = task.TaskDefinitionArn[(task.TaskDefinitionArn.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[..colon];
    }
}

/// <summary>What CloudWatch holds of one task's memory: per-task MiB when Container Insights is on, the service's percent always.</summary>
internal sealed record TaskMemory(IReadOnlyList<MetricPoint> UsedMiB, double? ReservedMiB, IReadOnlyList<MetricPoint> ServicePercent, DateTimeOffset StoppedAt)
{
    /// <summary>Within this share of the limit counts as "at the limit": the OOM killer acts before the last MiB is used.</summary>
    public const double AtLimitShare = 0.95;

    private static readonly TimeSpan FinalMinutes = TimeSpan.FromMinutes(5);

    public bool HasContainerInsights => UsedMiB.Count > 0;

    /// <summary>The highest memory in the last minutes before the stop, as a share of the limit; null when nothing was published.</summary>
    public double? PeakShareBeforeStop(double? limitMiB)
    {
        if (HasContainerInsights && (ReservedMiB ?? limitMiB) is { } limit and > 0)
        {
            return Final(UsedMiB).Select(p => p.Value).DefaultIfEmpty().Max() / limit;
        }

        return ServicePercent.Count > 0 ? Final(ServicePercent).Select(p => p.Value).DefaultIfEmpty().Max() / 100 : null;
    }

    private IEnumerable<MetricPoint> Final(IReadOnlyList<MetricPoint> points) => points.Where(p => p.At >= StoppedAt - FinalMinutes);
}
