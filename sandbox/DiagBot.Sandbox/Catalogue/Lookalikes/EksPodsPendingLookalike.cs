using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>A pod that is Pending only because it was scheduled seconds ago and its image is being pulled: no warning events.</summary>
internal sealed class EksPodsPendingLookalike : ICatalogueEntry
{
    public const string Name = "lookalike-pod-just-scheduled";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "shop-web", "22.2.0");
        var pod = new PodSpec("shop", "web-6d4b8c7f9-x9v5t", "web", image)
        {
            NodeName = EksLandscape.NodeB,
            Phase = "Pending",
            CreatedMinutesAgo = 0,
            Ready = false,
            State = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
        }.Seed(context);
        KubeSeeds.Event(context, pod, "Normal", "Scheduled", $"Successfully assigned shop/web-6d4b8c7f9-x9v5t to {EksLandscape.NodeB}", "default-scheduler", 0, 0);
        KubeSeeds.Event(context, pod, "Normal", "Pulling", $"Pulling image \"{image}\"", "kubelet", 0, 0);

        // The rollout to 22.2.0 has just begun: the old pod still serves, the new one pulls its image.
        DeploymentSeeds.Deployment(context, "shop", "web", image, replicas: 1, available: 1, updated: 1, progressing: true, "web-6d4b8c7f9", createdMinutesAgo: 60 * 24 * 90);

        return new SandboxScenario(Name, null, "pod shop/web-6d4b8c7f9-x9v5t",
            "Look-alike: pod Pending for seconds, just scheduled and pulling its image; no warnings.");
    }
}
