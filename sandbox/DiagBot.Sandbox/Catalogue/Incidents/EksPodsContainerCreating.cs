using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 10: the batch node's subnet has no free IP addresses and aws-node runs without prefix delegation, so the
/// CNI cannot give the pod an IP and the sandbox is never created.
/// </summary>
internal sealed class EksPodsContainerCreating : ICatalogueEntry
{
    public const string Name = "p10-pod-container-creating";

    public SandboxScenario Seed(SeedContext context)
    {
        var subnet = NetworkSeeds.Subnet(context, "prod-eks-batch-c", ProdLandscape.VpcId, "10.0.96.0/24", context.Zone('c'), freeIps: 0);
        var node = KubeSeeds.Node(context, "10.0.96.14", context.Zone('c'), "i-0d93f1b2a4c6e8d04");
        EksSeeds.Instance(context, node, subnet.SubnetId, ProdLandscape.VpcId, [EksLandscape.ClusterSecurityGroup]);
        node["metadata"]!["labels"]!["eks.amazonaws.com/nodegroup"] = "batch";
        node["spec"]!["taints"] = new JsonArray(new JsonObject { ["key"] = "dedicated", ["value"] = "batch", ["effect"] = "NoSchedule" });
        EksLandscape.SeedAwsNodePod(context, "ip-10-0-96-14.ec2.internal");

        var pod = new PodSpec("checkout", "cart-worker-5b7c9d8f6-h4k2m", "cart-worker", EcsSeeds.Image(context, "cart-worker", "3.1.0"))
        {
            NodeName = "ip-10-0-96-14.ec2.internal",
            Phase = "Pending",
            CreatedMinutesAgo = 22,
            Ready = false,
            State = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
        }.Seed(context);

        KubeSeeds.Event(context, pod, "Normal", "Scheduled", "Successfully assigned checkout/cart-worker-5b7c9d8f6-h4k2m to ip-10-0-96-14.ec2.internal",
            "default-scheduler", firstMinutesAgo: 22, lastMinutesAgo: 22);
        KubeSeeds.Event(context, pod, "Warning", "FailedCreatePodSandBox",
            $"Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"{SeedContext.Hex("sandbox/" + Name, 64)}\": plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: failed to assign an IP address to container",
            "kubelet", firstMinutesAgo: 22, lastMinutesAgo: 1, count: 23);

        DeploymentSeeds.Deployment(context, "checkout", "cart-worker", EcsSeeds.Image(context, "cart-worker", "3.1.0"), replicas: 1, available: 0, updated: 1, progressing: false, "cart-worker-5b7c9d8f6", createdMinutesAgo: 60 * 24 * 12);

        return new SandboxScenario(Name, 10, "pod checkout/cart-worker-5b7c9d8f6-h4k2m",
            "Pod stuck in ContainerCreating: FailedCreatePodSandBox \"failed to assign an IP address\"; subnet prod-eks-batch-c has 0 free IPs, prefix delegation off.");
    }
}
