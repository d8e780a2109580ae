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

    /// <summary>spec.selector.matchLabels; a selector written only with matchExpressions leaves this empty.</summary>
    public IReadOnlyDictionary<string, string> MatchLabels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubeCondition> Conditions { get; init; } = [];
}
