using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a Spot reclaim (node going away, pod evicted and being deleted) but is Karpenter consolidating an
/// underutilized On-Demand node: DisruptionTerminating "Disrupting Node: Underutilized" (Karpenter events reference),
/// the node still Ready, its instance running.
/// </summary>
internal sealed class SpotInterruptionLookalikeKarpenter : ICatalogueEntry
{
    public const string Name = "lookalike-karpenter-consolidation";
    private const string PodName = "catalog-sync-5d8c7b6f4-m2x9q";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = KarpenterNodes.Node(context, "10.0.14.88", 'a', "i-0d2c4e6f8a1b3c507", ProdLandscape.PrivateSubnetA, "on-demand", "general");
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        KarpenterNodes.Terminating(context, node, minutesAgo: 1, ready: true);
        KubeSeeds.Event(context, node, "Normal", "DisruptionTerminating", "Disrupting Node: Underutilized", "karpenter", 2, 2);

        var pod = new PodSpec("shop", PodName, "catalog-sync", EcsSeeds.Image(context, "catalog-sync", "3.0.2"))
        {
            NodeName = nodeName,
            PodIp = "10.0.15.31",
            CreatedMinutesAgo = 60 * 30,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(60 * 30)) } },
        }.Seed(context);
        KarpenterNodes.Evicted(context, pod, minutesAgo: 1);

        return new SandboxScenario(Name, null, $"pod shop/{PodName}",
            $"Look-alike: pod evicted from node {nodeName} because Karpenter consolidated an underutilized On-Demand node, not Spot.");
    }
}
