using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// Nodes Karpenter provisioned (labels karpenter.sh/capacity-type and karpenter.sh/nodepool, per the Karpenter docs'
/// well-known labels) and what its termination controller does to one it takes away: the karpenter.sh/disrupted:NoSchedule
/// taint, a deletionTimestamp held by its finalizer, and pods evicted through the Eviction API, which sets their
/// DisruptionTarget condition to EvictionByEvictionAPI (k8s.io/api core/v1 PodReasonEvictionByEvictionAPI).
/// </summary>
internal static class KarpenterNodes
{
    public static JsonObject Node(SeedContext context, string ip, char zone, string instanceId, string subnetId, string capacityType, string nodePool,
        string instanceState = "running", (string Code, string Message)? stateReason = null)
    {
        var node = KubeSeeds.Node(context, ip, context.Zone(zone), instanceId);
        var labels = node["metadata"]!["labels"]!.AsObject();
        labels.Remove("eks.amazonaws.com/nodegroup");
        labels["karpenter.sh/capacity-type"] = capacityType;
        labels["karpenter.sh/nodepool"] = nodePool;
        labels["karpenter.sh/registered"] = "true";
        var instance = EksSeeds.Instance(context, node, subnetId, ProdLandscape.VpcId, [EksLandscape.ClusterSecurityGroup], capacityType == "spot" ? "spot" : null);
        context.World.Ec2.Instances[^1] = instance with { State = instanceState, StateReasonCode = stateReason?.Code, StateReasonMessage = stateReason?.Message };
        return node;
    }

    public static void Terminating(SeedContext context, JsonObject node, int minutesAgo, bool ready)
    {
        node["metadata"]!["deletionTimestamp"] = KubeSeeds.Time(context.Ago(minutesAgo));
        node["metadata"]!["finalizers"] = new JsonArray("karpenter.sh/termination");
        node["spec"]!["unschedulable"] = true;
        node["spec"]!["taints"] = new JsonArray(new JsonObject { ["key"] = "karpenter.sh/disrupted", ["effect"] = "NoSchedule" });
        if (!ready)
        {
            foreach (var condition in node["status"]!["conditions"]!.AsArray())
            {
                condition!["status"] = "Unknown";
                condition["reason"] = "NodeStatusUnknown";
                condition["message"] = "Kubelet stopped posting node status.";
            }
        }
    }

    public static void Evicted(SeedContext context, JsonObject pod, int minutesAgo)
    {
        pod["metadata"]!["deletionTimestamp"] = KubeSeeds.Time(context.Ago(minutesAgo - 1));
        pod["metadata"]!["deletionGracePeriodSeconds"] = 30;
        pod["status"]!["conditions"]!.AsArray().Add(KubeSeeds.Condition("DisruptionTarget", "True", "EvictionByEvictionAPI", context.Ago(minutesAgo), "Eviction API: evicting"));
    }
}
