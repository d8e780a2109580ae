using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Who took a node away, read from the events about it (default namespace) and the pod's DisruptionTarget condition.
/// Spot: Karpenter's interruption controller writes SpotInterrupted "Spot interruption warning was triggered",
/// TerminatingOnInterruption "Interruption triggered termination for the Node" and InstanceTerminating "Instance is
/// terminating" (aws/karpenter-provider-aws, pkg/controllers/interruption events; seen together in a public cluster
/// report). Planned: Karpenter's disruption controller writes DisruptionTerminating "Disrupting Node: Underutilized"
/// (or Empty, Drifted) after tainting it karpenter.sh/disrupted:NoSchedule (karpenter docs, concepts/disruption);
/// cluster-autoscaler writes ScaleDown "marked the node as toBeDeleted/unschedulable".
/// </summary>
internal static class NodeDisruption
{
    public static readonly string[] SpotReasons = ["SpotInterrupted", "TerminatingOnInterruption", "InstanceTerminating", "SpotRebalanceRecommendation"];
    public static readonly string[] PlannedReasons = ["DisruptionTerminating", "DisruptionLaunching", "ScaleDown"];

    /// <summary>The DisruptionTarget condition's reasons (k8s.io/api core/v1): who asked for the pod to go.</summary>
    public const string DisruptionTarget = "DisruptionTarget";

    public static KubeEvent? Spot(IEnumerable<KubeEvent> nodeEvents) =>
        nodeEvents.Where(e => SpotReasons.Contains(e.Reason, StringComparer.Ordinal)).OrderBy(e => Array.IndexOf(SpotReasons, e.Reason)).FirstOrDefault();

    public static KubeEvent? Planned(IEnumerable<KubeEvent> nodeEvents) =>
        nodeEvents.LastOrDefault(e => PlannedReasons.Contains(e.Reason, StringComparer.Ordinal));

    /// <summary>Karpenter handled the notice (it drained the node) rather than the instance vanishing under its pods.</summary>
    public static bool Handled(IEnumerable<KubeEvent> nodeEvents) => nodeEvents.Any(e => e.Reason == "TerminatingOnInterruption");

    public static KubeCondition? TargetOf(KubePod pod) => pod.Conditions.FirstOrDefault(c => c.Type == DisruptionTarget && c.Status == "True");
}
