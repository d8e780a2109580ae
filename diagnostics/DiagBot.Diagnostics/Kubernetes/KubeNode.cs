namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>The fields of a node that diagnoses read (zone, instance type, taints, allocatable room).</summary>
public sealed record KubeNode
{
    public required string Name { get; init; }
    public string? ProviderId { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubeTaint> Taints { get; init; } = [];
    public IReadOnlyList<KubeCondition> Conditions { get; init; } = [];

    /// <summary>Quantities as the API writes them: cpu "1930m", memory "7027448Ki", pods "29".</summary>
    public IReadOnlyDictionary<string, string> Allocatable { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Capacity { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> InternalIps { get; init; } = [];

    /// <summary>spec.unschedulable: cordoned (kubectl cordon, a drain, Karpenter or a node group update before it deletes the node).</summary>
    public bool Unschedulable { get; init; }

    /// <summary>metadata.deletionTimestamp: the node object is being deleted (Karpenter's termination finalizer holds it while it drains).</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary>status.nodeInfo.architecture as the kubelet reports it (amd64, arm64); the kubernetes.io/arch label says the same.</summary>
    public string? Architecture { get; init; }

    /// <summary>The EC2 instance id in providerID aws:///us-east-1a/i-0abc (null for Fargate and other providers).</summary>
    public string? InstanceId => ProviderId is { } id && id.StartsWith("aws://", StringComparison.Ordinal) && id[(id.LastIndexOf('/') + 1)..] is { } last
        && last.StartsWith("i-", StringComparison.Ordinal) ? last : null;
}

public sealed record KubeTaint(string Key, string? Value, string Effect);
