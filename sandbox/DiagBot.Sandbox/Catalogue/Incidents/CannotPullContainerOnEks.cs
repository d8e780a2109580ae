using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 2 on EKS: a new reviews-api revision's pod waits in ImagePullBackOff. ECR answers the kubelet's manifest
/// request 403 Forbidden: the repository's policy denies the node group's role, so the node's credentials are refused.
/// The events are the kubelet's, worded as aws-samples/eks-workshop-v2's "ImagePullBackOff - ECR Private Image" shows them
/// (containerd's "unexpected status from HEAD request to https://.../v2/reviews-api/manifests/2.8.0: 403 Forbidden").
/// </summary>
internal sealed class CannotPullContainerOnEks : ICatalogueEntry
{
    public const string Name = "p02-eks-image-pull-backoff";
    private const string PodName = "reviews-api-6b9d7f5c8-w3m8k";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "reviews-api", "2.8.0");
        var pod = new PodSpec("shop", PodName, "reviews-api", image)
        {
            NodeName = EksLandscape.NodeB,
            PodIp = "10.0.38.164",
            Phase = "Pending",
            CreatedMinutesAgo = 12,
            Ready = false,
            State = new JsonObject
            {
                ["waiting"] = new JsonObject { ["reason"] = "ImagePullBackOff", ["message"] = $"Back-off pulling image \"{image}\"" },
            },
        }.Seed(context);

        var repository = image[(image.IndexOf('/', StringComparison.Ordinal) + 1)..image.LastIndexOf(':')];
        var registry = image[..image.IndexOf('/', StringComparison.Ordinal)];
        KubeSeeds.Event(context, pod, "Normal", "Scheduled", $"Successfully assigned shop/{PodName} to {EksLandscape.NodeB}", "default-scheduler", 12, 12);
        KubeSeeds.Event(context, pod, "Normal", "Pulling", $"Pulling image \"{image}\"", "kubelet", 12, 2, count: 7);
        KubeSeeds.Event(context, pod, "Warning", "Failed",
            $"Failed to pull image \"{image}\": failed to pull and unpack image \"{image}\": failed to resolve reference \"{image}\": "
            + $"unexpected status from HEAD request to https://{registry}/v2/{repository}/manifests/2.8.0: 403 Forbidden",
            "kubelet", 12, 2, count: 7);
        KubeSeeds.Event(context, pod, "Warning", "Failed", "Error: ErrImagePull", "kubelet", 12, 2, count: 7);
        KubeSeeds.Event(context, pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", 12, 1, count: 38);
        KubeSeeds.Event(context, pod, "Normal", "BackOff", $"Back-off pulling image \"{image}\"", "kubelet", 12, 1, count: 41);
        DeploymentSeeds.Deployment(context, "shop", "reviews-api", image, replicas: 1, available: 0, updated: 1, progressing: false,
            "reviews-api-6b9d7f5c8", createdMinutesAgo: 60 * 24 * 30);

        return new SandboxScenario(Name, 2, $"pod shop/{PodName}",
            "Pod in ImagePullBackOff: ECR answers the node's pull of reviews-api:2.8.0 with 403 Forbidden (the repository policy denies the node role).");
    }
}
