using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Kubernetes;

/// <summary>How a pod's containers ended their last run, read from status.containerStatuses and the kubelet's events.</summary>
internal static class PodTermination
{
    public const string OomKilled = "OOMKilled";
    public const long DefaultGracePeriodSeconds = 30;
    public const string CrashLoopBackOff = "CrashLoopBackOff";

    /// <summary>How many of a run's last lines are read: triage and the playbooks ask the same query, so the session reads it once.</summary>
    public const int LinesRead = 20;

    private const string Source = "kubernetes:pods";

    // Restarts this many times in a row with back-off is a loop even before the kubelet names it CrashLoopBackOff.
    private const int RepeatedRestarts = 3;

    /// <summary>The container in a crash loop: in CrashLoopBackOff, or restarted again and again and not ready.</summary>
    public static KubeContainerStatus? Looping(KubePod pod) =>
        pod.ContainerStatuses.FirstOrDefault(s => s.WaitingReason == CrashLoopBackOff)
        ?? pod.ContainerStatuses.FirstOrDefault(s => s.RestartCount >= RepeatedRestarts && !s.Ready);

    /// <summary>The last lines of the container's run before the current one, where a crash-looping container said why it exited.</summary>
    public static KubeLogQuery PreviousRun(KubePod pod, string container) => new(pod.Namespace, pod.Name, container, Previous: true, LinesRead);

    /// <summary>
    /// The last lines of a running container: an app's own errors (AccessDenied, slow requests) live only there. Triage
    /// and playbook 4 ask the same query, so the session reads it once.
    /// </summary>
    public static KubeLogQuery CurrentRun(KubePod pod, string container) => new(pod.Namespace, pod.Name, container, Previous: false, CurrentLinesRead);

    /// <summary>How many of a running container's last lines are read: enough requests of a busy pod to hold its slow ones (13).</summary>
    public const int CurrentLinesRead = 500;

    /// <summary>The reason and exit code of the container's last end: the current state if terminated, else the previous run.</summary>
    public static (string? Reason, int? ExitCode) LastEnd(KubeContainerStatus status) =>
        status.TerminatedReason is not null || status.TerminatedExitCode is not null
            ? (status.TerminatedReason, status.TerminatedExitCode)
            : (status.LastTerminatedReason, status.LastTerminatedExitCode);

    /// <summary>The kubelet's "Container x failed liveness probe, will be restarted" (reason Killing) for this container, if any.</summary>
    public static KubeEvent? LivenessKill(IEnumerable<KubeEvent> events, string container) =>
        events.LastOrDefault(e => e.Reason == "Killing" && (e.Message?.Contains($"Container {container} failed liveness probe", StringComparison.Ordinal) ?? false));

    public static KubeEvent? LivenessFailure(IEnumerable<KubeEvent> events) =>
        events.LastOrDefault(e => e.Reason == "Unhealthy" && (e.Message?.StartsWith("Liveness probe failed", StringComparison.Ordinal) ?? false));

    public static IEnumerable<EvidenceItem> ContainerEvidence(KubePod pod)
    {
        yield return new EvidenceItem(Source, $"pod {pod.Namespace}/{pod.Name} phase", pod.Phase ?? "(unknown)");
        foreach (var status in pod.ContainerStatuses)
        {
            var state = status.WaitingReason is { } waiting ? $"waiting: {waiting}" : status.Running ? "running" : $"terminated: {status.TerminatedReason ?? "(no reason)"}";
            yield return new EvidenceItem(Source, $"container {status.Name} state and restart count", $"{state}; restartCount={status.RestartCount}");
            if (status.LastTerminatedReason is not null || status.LastTerminatedExitCode is not null)
            {
                yield return new EvidenceItem(Source, $"container {status.Name} lastState.terminated (reason, exit code, finished)",
                    $"{status.LastTerminatedReason ?? "(none)"}, {Describe(status.LastTerminatedExitCode)}, {Time(status.LastTerminatedFinishedAt)}");
            }
        }
    }

    public static EvidenceItem MemoryEvidence(KubeContainer? container, string name) => new(Source,
        $"container {name} resources.requests.memory / resources.limits.memory",
        container is null ? "(container not in the pod spec)" : $"{container.Requests.GetValueOrDefault("memory", "(not set)")} / {container.Limits.GetValueOrDefault("memory", "(not set)")}");

    /// <summary>The Deployment that owns the pod through its ReplicaSet ("web-7f9c6d5b8" is "web"), for fix commands.</summary>
    public static string? DeploymentOf(KubePod pod) =>
        pod.Owner is { Kind: "ReplicaSet", Name: var replicaSet } && replicaSet.LastIndexOf('-') is > 0 and var dash ? replicaSet[..dash] : null;

    public static string Describe(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "(unknown)";
}
