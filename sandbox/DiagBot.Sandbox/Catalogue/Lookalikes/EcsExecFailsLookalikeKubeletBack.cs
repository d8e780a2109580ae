using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like the kubelet port blocked (the engineer quotes kube-apiserver's dial timeout from `kubectl logs -f`), but the
/// node's kubelet restarted and answers again: a log read through the API server works now, the node is Ready and carries
/// the cluster security group, which lets the control plane in on every port.
/// </summary>
internal sealed class EcsExecFailsLookalikeKubeletBack : ICatalogueEntry
{
    public const string Name = "lookalike-kubelet-back";
    public const string NodeIp = "10.0.13.57";
    private const string PodName = "order-events-5f6b7c8d9-t3k8m";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = EksLandscape.Node(context, NodeIp, 'a', "i-0a9e2d4c6b8f1a307", ProdLandscape.PrivateSubnetA);
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        var pod = new PodSpec("shop", PodName, "order-events", EcsSeeds.Image(context, "order-events", "4.2.1"))
        {
            NodeName = nodeName,
            PodIp = "10.0.13.88",
            CreatedMinutesAgo = 60 * 6,
        }.Seed(context);
        KubeSeeds.Logs(context, pod, "order-events", false, "2026-01-10T09:41:07Z INFO consumer order-events caught up, lag 0");

        return new SandboxScenario(Name, null,
            $"kubectl logs -f on pod shop/{PodName} stopped with error dialing backend: dial tcp {NodeIp}:10250: i/o timeout",
            $"Look-alike: the kubelet on {nodeName} restarted and answers again; the API server reaches it on 10250 now.");
    }
}
