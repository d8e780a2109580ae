using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 15 on EKS, the node healthy: a self-managed batch node group came up with its own hardened security group
/// that lets the control plane in on 443 only. The kubelet posts Ready (it dials out to the API server), but the API
/// server cannot dial the kubelet on 10250, so `kubectl exec` and `kubectl logs` time out on every pod of these nodes.
/// The EKS user guide ("View Amazon EKS security group requirements for clusters") lists TCP 10250 from the control
/// plane to the nodes among the minimum rules; the timeout wording is kube-apiserver's (see KubePodLogs).
/// </summary>
internal sealed class EcsExecFailsOnEksKubeletPort : ICatalogueEntry
{
    public const string Name = "p15-eks-kubelet-port-blocked";
    public const string NodeIp = "10.0.46.19";
    public const string NodeGroupName = "eks-nodes-prod-eks-batch";
    public const string PodName = "ledger-export-7c9d8b6f5-q4n8x";

    public static string NodeSecurityGroup => SeedContext.AwsId("sg", NodeGroupName);

    public SandboxScenario Seed(SeedContext context)
    {
        // Node to node, and the control plane to the nodes on 443 (webhooks); 10250 left out.
        NetworkSeeds.SecurityGroup(context, NodeGroupName, ProdLandscape.VpcId,
            new Ec2Permission("-1", 0, 0, [], [NodeSecurityGroup]),
            NetworkSeeds.Tcp(443, EksLandscape.ClusterSecurityGroup));
        var node = EksLandscape.Node(context, NodeIp, 'b', "i-0f3a8c61d2b7e4a09", ProdLandscape.PrivateSubnetB, groups: [NodeSecurityGroup]);
        node["metadata"]!["labels"]!["eks.amazonaws.com/nodegroup"] = "batch";
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        context.World.Kube.MarkKubeletUnreachable(nodeName);

        var pod = new PodSpec("payments", PodName, "ledger-export", EcsSeeds.Image(context, "ledger-export", "1.8.0"))
        {
            NodeName = nodeName,
            PodIp = "10.0.47.102",
            CreatedMinutesAgo = 60 * 2,
        }.Seed(context);
        KubeSeeds.Logs(context, pod, "ledger-export", false, "{\"level\":\"info\",\"msg\":\"export batch 4411 written\",\"rows\":18234}");

        // What the engineer says in chat: the symptom only; DiagBot reads the dial error itself.
        return new SandboxScenario(Name, 15, $"kubectl exec into pod payments/{PodName} hangs and times out, kubectl logs too",
            $"kubectl exec and logs fail on payments/ledger-export: node {nodeName}'s security group {NodeGroupName} "
            + "does not let the control plane in on 10250.");
    }
}
