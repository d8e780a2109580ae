using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Playbooks.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// A pod's memory over its killed container's last run, from Container Insights on EKS (namespace ContainerInsights):
/// pod_memory_working_set and pod_memory_limit, in Bytes (CloudWatch User Guide, "Amazon EKS and Kubernetes Container
/// Insights metrics"). Per pod they carry ClusterName, Namespace, PodName (the workload: Container Insights names a
/// Deployment's pods after it) and FullPodName (the pod itself, with enhanced observability). The request depends on
/// the pod alone, so triage's prefetch and the playbook ask the same question.
/// </summary>
internal static class PodMemoryMetrics
{
    public const string ContainerInsights = "ContainerInsights";
    public const double BytesPerMiB = 1024 * 1024;

    /// <summary>Null without the container's last run times, or without the EKS cluster that names the account, region and ClusterName.</summary>
    public static MetricRequest? RequestFor(IEvidenceSource evidence, string cluster, KubePod pod)
    {
        if (Killed(pod) is not { LastTerminatedStartedAt: { } started, LastTerminatedFinishedAt: { } finished }
            || evidence.Kubernetes.EksClusterOf(cluster) is not { } eks)
        {
            return null;
        }

        IReadOnlyList<MetricDimension> perPod =
        [
            new("ClusterName", eks.ClusterName), new("FullPodName", pod.Name), new("Namespace", pod.Namespace),
            new("PodName", PodTermination.DeploymentOf(pod) ?? pod.Name),
        ];
        var start = started.AddMinutes(-1);
        var end = finished.AddMinutes(1);
        var period = 60 * (int)Math.Max(1, Math.Ceiling((end - start).TotalMinutes / 360));
        List<MetricQuery> queries =
        [
            new("used", ContainerInsights, "pod_memory_working_set", perPod, period, "Maximum"),
            new("limit", ContainerInsights, "pod_memory_limit", perPod, period, "Maximum"),
        ];
        return new MetricRequest(queries, start, end, eks.Scope.Region, eks.Scope.AccountId);
    }

    /// <summary>Starts the read beside the pod's events when a container's last run ended OOMKilled or with 137.</summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        RequestFor(evidence, atHand.Cluster, atHand.Pod) is { } request ? evidence.Metrics.GetMetricDataAsync(request, cancellationToken) : Task.CompletedTask;

    public static async Task<(TaskMemory? Memory, EvidenceGap? Gap)> ReadAsync(
        IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        if (RequestFor(evidence, cluster, pod) is not { } request)
        {
            return (null, null);
        }

        var result = await evidence.Metrics.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } metrics)
        {
            return (null, result.Gap);
        }

        var used = metrics.First(m => m.Id == "used").Points.Select(p => p with { Value = p.Value / BytesPerMiB }).ToList();
        var limit = metrics.First(m => m.Id == "limit").Points.Select(p => p.Value / BytesPerMiB).DefaultIfEmpty().Max();
        return (new TaskMemory(used, limit > 0 ? limit : null, [], Killed(pod)!.LastTerminatedFinishedAt!.Value), null);
    }

    public static KubeContainerStatus? Killed(KubePod pod) =>
        pod.ContainerStatuses.FirstOrDefault(s => s.LastTerminatedReason == PodTermination.OomKilled)
        ?? pod.ContainerStatuses.FirstOrDefault(s => s.LastTerminatedExitCode == ExitCodes.SigKill);
}
