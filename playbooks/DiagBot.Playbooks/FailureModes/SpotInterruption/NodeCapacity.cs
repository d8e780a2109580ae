using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What kind of capacity an EKS node is and how it went: Spot or On-Demand from its labels (managed node groups write
/// eks.amazonaws.com/capacityType SPOT/ON_DEMAND, Karpenter karpenter.sh/capacity-type spot/on-demand) or its instance
/// (InstanceLifecycle "spot"); reclaimed when EC2 ended it with Server.SpotInstanceTermination (EC2 API Reference, StateReason).
/// </summary>
internal static class NodeCapacity
{
    public const string ManagedNodeGroupLabel = "eks.amazonaws.com/capacityType";
    public const string KarpenterLabel = "karpenter.sh/capacity-type";
    public const string SpotTermination = "Server.SpotInstanceTermination";

    public static string? CapacityType(KubeNode node) =>
        node.Labels.GetValueOrDefault(ManagedNodeGroupLabel) ?? node.Labels.GetValueOrDefault(KarpenterLabel);

    public static bool IsSpot(KubeNode? node, Ec2Instance? instance) =>
        instance?.IsSpot == true || string.Equals(node is null ? null : CapacityType(node), "spot", StringComparison.OrdinalIgnoreCase);

    public static bool ReclaimedBySpot(Ec2Instance? instance) => instance?.StateReasonCode == SpotTermination;
}
