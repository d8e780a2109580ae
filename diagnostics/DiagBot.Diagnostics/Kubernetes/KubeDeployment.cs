namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// The fields of an apps/v1 Deployment that diagnoses read: how many replicas it wants and has, the labels that select
/// its pods, and its conditions (Progressing False with ProgressDeadlineExceeded, ReplicaFailure, Available).
/// </summary>
public sealed record KubeDeployment
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public int? DesiredReplicas { get; init; }
    public int Replicas { get; init; }
    public int UpdatedReplicas { get; init; }
    public int ReadyReplicas { get; init; }
    public int AvailableReplicas { get; init; }
    public int UnavailableReplicas { get; init; }

    /// <summary>spec.selector.matchLabels; ANDed with <see cref="MatchExpressions"/>.</summary>
    public IReadOnlyDictionary<string, string> MatchLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>spec.selector.matchExpressions, in the order the Deployment lists them.</summary>
    public IReadOnlyList<KubeLabelRequirement> MatchExpressions { get; init; } = [];
    public IReadOnlyList<KubeCondition> Conditions { get; init; } = [];
}
