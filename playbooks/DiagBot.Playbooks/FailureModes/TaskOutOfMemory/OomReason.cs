using DiagBot.Playbooks.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What "out of memory" looks like in a container's reason, the one meaning playbook 7's ECS and EKS halves share:
/// ECS writes "OutOfMemoryError: Container killed due to memory usage"
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html), the kubelet "OOMKilled", the
/// kernel "oom-kill"/"oom_kill" and runtimes "out of memory".
/// </summary>
internal static class OomReason
{
    /// <summary>The verdict's sub-cause when memory decided it, on either half.</summary>
    public const string SubCause = "oom";

    private static readonly string[] Markers = ["OutOfMemory", PodTermination.OomKilled, "out of memory", "OOM-kill", "oom_kill"];

    public static bool In(string? reason) =>
        reason is not null && Markers.Any(marker => reason.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
