using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Healthy;

/// <summary>A healthy EKS pod: Running and Ready for a day, no warning events.</summary>
internal sealed class HealthyShopWebPod : ICatalogueEntry
{
    public const string Name = "healthy-pod-shop-web";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "shop-web", "22.1.0");
        var pod = new PodSpec("shop", "web-7f9c6d5b8-k7p2n", "web", image)
        {
            NodeName = EksLandscape.NodeA,
            PodIp = "10.0.5.77",
            CreatedMinutesAgo = 60 * 24,
        }.Seed(context);
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{image}\" already present on machine", "kubelet", 60 * 24, 60 * 24);

        return new SandboxScenario(Name, null, "pod shop/web-7f9c6d5b8-k7p2n", "Healthy: pod shop/web Running and Ready for a day.");
    }
}
