using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 11 on EKS: EC2 reclaimed the Spot instance under a Karpenter node. Karpenter's interruption controller saw
/// the warning and drained the node (SpotInterrupted, TerminatingOnInterruption, InstanceTerminating, as a public cluster
/// report shows them); the pod was evicted (DisruptionTarget EvictionByEvictionAPI) and is being deleted; the instance is
/// shutting down with Server.SpotInstanceTermination. The workload runs only on the Spot NodePool.
/// </summary>
internal sealed class SpotInterruptionOnEks : ICatalogueEntry
{
    public const string Name = "p11-eks-spot-node-reclaimed";
    public const string PodName = "recommender-6f7b8c9d5-p4k7s";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = KarpenterNodes.Node(context, "10.0.41.77", 'b', "i-0f1e2d3c4b5a69788", ProdLandscape.PrivateSubnetB, "spot", "general-spot",
            instanceState: "shutting-down", stateReason: ("Server.SpotInstanceTermination", "Server.SpotInstanceTermination: Spot instance termination"));
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        KarpenterNodes.Terminating(context, node, minutesAgo: 2, ready: false);
        KubeSeeds.Event(context, node, "Warning", "SpotInterrupted", "Spot interruption warning was triggered", "karpenter", 3, 3);
        KubeSeeds.Event(context, node, "Warning", "TerminatingOnInterruption", "Interruption triggered termination for the Node", "karpenter", 3, 3);
        KubeSeeds.Event(context, node, "Warning", "InstanceTerminating", "Instance is terminating", "karpenter", 1, 1);

        var pod = new PodSpec("shop", PodName, "recommender", EcsSeeds.Image(context, "recommender", "1.12.0"))
        {
            NodeName = nodeName,
            PodIp = "10.0.41.203",
            CreatedMinutesAgo = 60 * 5,
            Ready = false,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(60 * 5)) } },
        }.Seed(context);
        KarpenterNodes.Evicted(context, pod, minutesAgo: 3);

        return new SandboxScenario(Name, 11, $"pod shop/{PodName}",
            $"Spot reclaimed Karpenter node {nodeName} (SpotInterrupted, instance shutting down for Spot); pod shop/recommender was evicted, and its workload runs only on Spot.");
    }
}
