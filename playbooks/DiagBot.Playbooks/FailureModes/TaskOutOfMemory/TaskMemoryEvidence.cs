using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>What a task's memory metrics add to a 137: the facts, the chart of memory against its limit, and the way to turn Container Insights on.</summary>
internal static class TaskMemoryEvidence
{
    public const string ChartKind = "memory-vs-limit";

    public static IEnumerable<EvidenceItem> Facts(TaskMemory memory, EcsTask task, double? limitMiB)
    {
        var peak = memory.PeakShareBeforeStop(limitMiB);
        if (memory.HasContainerInsights)
        {
            var limit = memory.ReservedMiB ?? limitMiB;
            var highest = memory.UsedMiB.Max(p => p.Value);
            yield return new EvidenceItem(TaskMemoryMetrics.Source, $"task {task.TaskId} memory peak (Container Insights MemoryUtilized)",
                $"{Mib(highest)} MiB of {(limit is { } l ? Mib(l) + " MiB" : "an unknown limit")}");
        }
        else if (memory.ServicePercent.Count > 0)
        {
            yield return new EvidenceItem(TaskMemoryMetrics.Source, "service's busiest task memory (AWS/ECS MemoryUtilization, Maximum)",
                $"{memory.ServicePercent.Max(p => p.Value).ToString("0.#", CultureInfo.InvariantCulture)} %");
        }

        if (peak is { } share)
        {
            yield return new EvidenceItem(TaskMemoryMetrics.Source, "memory in the 5 minutes before the stop, share of the limit",
                $"{(share * 100).ToString("0", CultureInfo.InvariantCulture)} %");
        }

        if (!memory.HasContainerInsights)
        {
            yield return new EvidenceItem(TaskMemoryMetrics.Source, $"Container Insights memory for task {task.TaskId}",
                $"none: Container Insights with enhanced observability is off for cluster {task.ClusterName}, so there is no per-task memory");
        }
    }

    /// <summary>The step that turns per-task memory metrics on, for the next time (ECS API reference, UpdateClusterSettings).</summary>
    public static string TurnOnContainerInsights(EcsTask task) =>
        $"Turn on Container Insights with enhanced observability so the next kill shows the task's memory: `aws ecs update-cluster-settings {(Arn(task).Region is { } region ? $"--region {region} " : string.Empty)}--cluster {task.ClusterName} --settings name=containerInsights,value=enhanced`.";

    public static IReadOnlyList<Chart> Charts(TaskMemory memory, EcsTask task, EcsContainer killed, double? limitMiB, bool outOfMemory)
    {
        var limit = memory.ReservedMiB ?? limitMiB;
        var stoppedAt = memory.StoppedAt.ToUniversalTime().ToString("HH:mm", CultureInfo.InvariantCulture);
        var marker = new ChartMarker(memory.StoppedAt, $"killed: exit {ExitCodes.SigKill}");
        if (memory.HasContainerInsights)
        {
            var title = outOfMemory && limit is { } l
                ? $"Task {Short(task)} memory reached its {Mib(l)} MiB limit before {killed.Name} was killed at {stoppedAt} UTC"
                : $"Task {Short(task)} memory stayed below its {(limit is { } below ? Mib(below) + " MiB " : string.Empty)}limit before the kill at {stoppedAt} UTC";
            return [new Chart(ChartKind, title, "MiB", [new ChartSeries("memory used", memory.UsedMiB.Select(p => new ChartPoint(p.At, p.Value)).ToList())],
                [marker], limit is { } threshold ? [new ChartThreshold(threshold, $"limit {Mib(threshold)} MiB")] : [])];
        }

        return memory.ServicePercent.Count == 0 ? [] :
        [
            new Chart(ChartKind, $"Service memory of task {Short(task)}'s service before the kill at {stoppedAt} UTC (busiest task)", "Percent",
                [new ChartSeries("busiest task memory", memory.ServicePercent.Select(p => new ChartPoint(p.At, p.Value)).ToList())],
                [marker], [new ChartThreshold(100, "limit 100 %")]),
        ];
    }

    private static string Short(EcsTask task) => task.TaskId.Length > 8 ? task.TaskId[..8] : task.TaskId;

    private static string Mib(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static Diagnostics.Aws.AwsScope Arn(EcsTask task) => Diagnostics.Aws.AwsScope.FromArn(task.TaskArn);
}
