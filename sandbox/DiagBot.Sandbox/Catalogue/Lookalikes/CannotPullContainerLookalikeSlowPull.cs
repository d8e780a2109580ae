using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like an image that cannot be pulled: the pod sat in ContainerCreating for almost four minutes with only a
/// "Pulling image" event. But the 2 GiB image came down: the kubelet's Pulled event says "Successfully pulled image ...
/// in 3m41.207s (3m41.207s including waiting). Image size: ... bytes." (pkg/kubelet/images/image_manager.go, as kubectl
/// describe shows it in public write-ups), then Created and Started; the pod has been Running and Ready since.
/// </summary>
internal sealed class CannotPullContainerLookalikeSlowPull : ICatalogueEntry
{
    public const string Name = "lookalike-eks-slow-image-pull";
    private const string PodName = "ledger-reconciler-8f6c5d7b9-z5r2t";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "ledger-reconciler", "7.0.3");
        var pod = new PodSpec("payments", PodName, "ledger-reconciler", image)
        {
            NodeName = EksLandscape.NodeA,
            PodIp = "10.0.6.88",
            CreatedMinutesAgo = 7,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(3)) } },
        }.Seed(context);

        KubeSeeds.Event(context, pod, "Normal", "Scheduled", $"Successfully assigned payments/{PodName} to {EksLandscape.NodeA}", "default-scheduler", 7, 7);
        KubeSeeds.Event(context, pod, "Normal", "Pulling", $"Pulling image \"{image}\"", "kubelet", 7, 7);
        KubeSeeds.Event(context, pod, "Normal", "Pulled",
            $"Successfully pulled image \"{image}\" in 3m41.207s (3m41.207s including waiting). Image size: 2147591168 bytes.", "kubelet", 3, 3);
        KubeSeeds.Event(context, pod, "Normal", "Created", "Created container ledger-reconciler", "kubelet", 3, 3);
        KubeSeeds.Event(context, pod, "Normal", "Started", "Started container ledger-reconciler", "kubelet", 3, 3);

        return new SandboxScenario(Name, null, $"pod payments/{PodName}",
            "Look-alike: a pod whose 2 GiB image took 3m41s to pull, then started: Running and Ready for three minutes.");
    }
}
