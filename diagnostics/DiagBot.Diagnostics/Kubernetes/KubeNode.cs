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
}

public sealed record KubeTaint(string Key, string? Value, string Effect);
