namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>The fields of a pod that diagnoses read.</summary>
public sealed record KubePod
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    public string? Phase { get; init; }
    public string? NodeName { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public string? SchedulerName { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubeCondition> Conditions { get; init; } = [];
    public IReadOnlyList<KubeContainerStatus> ContainerStatuses { get; init; } = [];
}

public sealed record KubeCondition(string Type, string Status, string? Reason, string? Message);

/// <summary>
/// A container's state: WaitingReason (ContainerCreating, CrashLoopBackOff, ImagePullBackOff...) or the terminated
/// exit; LastTerminated* is the previous run, where a crash loop's OOMKilled or exit code shows.
/// </summary>
public sealed record KubeContainerStatus
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public bool Ready { get; init; }
    public int RestartCount { get; init; }
    public string? WaitingReason { get; init; }
    public string? WaitingMessage { get; init; }
    public bool Running { get; init; }
    public string? TerminatedReason { get; init; }
    public int? TerminatedExitCode { get; init; }
    public string? LastTerminatedReason { get; init; }
    public int? LastTerminatedExitCode { get; init; }
}
