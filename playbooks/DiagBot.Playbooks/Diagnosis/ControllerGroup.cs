using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// A target group the AWS Load Balancer Controller owns, as a target-group diagnosis found it: the controller's tags
/// (read with DescribeTags), the configured cluster it belongs to and the TargetGroupBinding that fills it, or why those
/// could not be read (<see cref="Problem"/>, with the gaps behind it).
/// </summary>
public sealed record ControllerGroup(IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The configured Kubernetes cluster (its context name) where the binding was looked for; null when none could be.</summary>
    public string? KubernetesCluster { get; init; }

    public KubeTargetGroupBinding? Binding { get; init; }

    /// <summary>Why no pod of the group is diagnosed, in words that follow "so"; null when one is.</summary>
    public string? Problem { get; init; }

    public IReadOnlyList<EvidenceGap> Gaps { get; init; } = [];

    /// <summary>The modes' reads started once its pod was found (EarlyReads.ForControllerGroup); the diagnosis waits for them before it answers.</summary>
    internal Task EarlyReads { get; init; } = Task.CompletedTask;
}
