namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>A DaemonSet with its containers' environment, e.g. aws-node's ENABLE_PREFIX_DELEGATION.</summary>
public sealed record KubeDaemonSet
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public int DesiredNumberScheduled { get; init; }
    public int NumberReady { get; init; }
    public int NumberAvailable { get; init; }
    public int NumberUnavailable { get; init; }
    public int UpdatedNumberScheduled { get; init; }
    public IReadOnlyList<KubeContainerSpec> Containers { get; init; } = [];
}

/// <summary>A container of a pod template; Env holds the literal values (valueFrom entries are left out).</summary>
public sealed record KubeContainerSpec(string Name, string? Image, IReadOnlyDictionary<string, string> Env);
