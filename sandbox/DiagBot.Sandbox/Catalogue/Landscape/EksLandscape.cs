using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Eks;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Landscape;

/// <summary>
/// The EKS cluster beside `prod`: three general nodes in the prod private subnets, the usual namespaces, and the VPC CNI
/// (aws-node) with prefix delegation off, as EKS installs it. On the AWS side the cluster is prod-eks: its cluster security
/// group (which EKS also puts on managed nodes) lets the control plane reach kubelets on 10250, as the EKS user guide's
/// "View Amazon EKS security group requirements for clusters" describes.
/// </summary>
internal static class EksLandscape
{
    public const string ClusterName = "prod-eks";

    public static string ClusterSecurityGroup => SeedContext.AwsId("sg", "eks-cluster-sg-prod-eks");

    public static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "shop", "payments", "checkout", "reports"];

    /// <summary>Report jobs run on Fargate: the profile selects namespace reports, pods labelled compute=fargate.</summary>
    public const string ReportsProfile = "fp-reports";

    public static string NodeA => "ip-10-0-4-21.ec2.internal";

    public static string NodeB => "ip-10-0-37-112.ec2.internal";

    public static string NodeC => "ip-10-0-12-203.ec2.internal";

    public static void Seed(SeedContext context)
    {
        foreach (var name in Namespaces)
        {
            KubeSeeds.Namespace(context, name);
        }

        // EKS's cluster security group: all traffic from itself (control plane and nodes alike).
        NetworkSeeds.SecurityGroup(context, "eks-cluster-sg-prod-eks", ProdLandscape.VpcId, new Ec2Permission("-1", 0, 0, [], [ClusterSecurityGroup]));
        EksSeeds.Cluster(context, ClusterName, ProdLandscape.VpcId, [ProdLandscape.PrivateSubnetA, ProdLandscape.PrivateSubnetB], ClusterSecurityGroup);
        Node(context, "10.0.4.21", 'a', "i-0a3f9c2b7d41e5a01", ProdLandscape.PrivateSubnetA);
        Node(context, "10.0.37.112", 'b', "i-0b71d4e0c9a2f3b02", ProdLandscape.PrivateSubnetB);
        Node(context, "10.0.12.203", 'a', "i-0c52e8a1f6b7d9c03", ProdLandscape.PrivateSubnetA);
        EksSeeds.FargateProfile(context, ClusterName, ReportsProfile, [ProdLandscape.PrivateSubnetA, ProdLandscape.PrivateSubnetB],
            new EksFargateSelector("reports", new Dictionary<string, string> { ["compute"] = "fargate" }));
        EksSeeds.FargateProfile(context, ClusterName, "fp-coredns", [ProdLandscape.PrivateSubnetA, ProdLandscape.PrivateSubnetB],
            new EksFargateSelector("kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }));
        SeedAwsNode(context);
        foreach (var node in new[] { NodeA, NodeB, NodeC })
        {
            SeedAwsNodePod(context, node);
        }

        EksSearchApi.Seed(context);
    }

    /// <summary>A managed node group's node and its instance, which carries the cluster security group.</summary>
    public static JsonObject Node(SeedContext context, string ip, char zone, string instanceId, string subnetId, string? lifecycle = null, IReadOnlyList<string>? groups = null)
    {
        var node = KubeSeeds.Node(context, ip, context.Zone(zone), instanceId);
        node["metadata"]!["labels"]!["eks.amazonaws.com/capacityType"] = lifecycle == "spot" ? "SPOT" : "ON_DEMAND";
        EksSeeds.Instance(context, node, subnetId, ProdLandscape.VpcId, groups ?? [ClusterSecurityGroup], lifecycle);
        return node;
    }

    public static void SeedAwsNode(SeedContext context)
    {
        var labels = new JsonObject { ["k8s-app"] = "aws-node" };
        var env = new JsonArray(
            Env("ADDITIONAL_ENI_TAGS", "{}"),
            Env("AWS_VPC_CNI_NODE_PORT_SUPPORT", "true"),
            Env("AWS_VPC_ENI_MTU", "9001"),
            Env("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "false"),
            Env("AWS_VPC_K8S_CNI_EXTERNALSNAT", "false"),
            Env("AWS_VPC_K8S_CNI_LOGLEVEL", "DEBUG"),
            Env("ENABLE_IPv4", "true"),
            Env("ENABLE_IPv6", "false"),
            // On: payments' ledger-api and checkout's coupon-api have security groups of their own, which needs it (EKS user guide,
            // "Configure the Amazon VPC CNI plugin for Kubernetes for security groups for Amazon EKS Pods").
            Env("ENABLE_POD_ENI", "true"),
            Env("ENABLE_PREFIX_DELEGATION", "false"),
            Env("WARM_ENI_TARGET", "1"),
            Env("WARM_PREFIX_TARGET", "1"),
            Env("MY_NODE_NAME", null));
        context.World.Kube.Add(KubeResource.DaemonSets, new JsonObject
        {
            ["kind"] = "DaemonSet",
            ["apiVersion"] = "apps/v1",
            ["metadata"] = KubeSeeds.Metadata(context, "aws-node", "kube-system", 60 * 24 * 300, labels.DeepClone().AsObject()),
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "aws-node",
                            ["image"] = "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1",
                            ["env"] = env,
                        }),
                        ["affinity"] = AwsNodeAffinity(),
                        ["hostNetwork"] = true,
                        ["serviceAccountName"] = "aws-node",
                    },
                },
                ["updateStrategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "10%" } },
            },
            // Counted once every incident has added its nodes: AwsNodeDaemonSet.Settle.
            ["status"] = new JsonObject(),
        });
    }

    /// <summary>The CNI runs on the host network, so its pod IP is the node's. A failing one is shaped by the caller (its state, restarts).</summary>
    public static JsonObject SeedAwsNodePod(SeedContext context, string nodeName, Func<PodSpec, PodSpec>? shape = null)
    {
        var spec = new PodSpec("kube-system", $"aws-node-{SeedContext.Hex("aws-node/" + nodeName, 5)}", "aws-node", "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1")
        {
            NodeName = nodeName,
            PodIp = nodeName["ip-".Length..nodeName.IndexOf('.', StringComparison.Ordinal)].Replace('-', '.'),
            CpuRequest = "25m",
            MemoryRequest = "0",
            MemoryLimit = null,
            CreatedMinutesAgo = 60 * 24 * 9,
        };
        var pod = (shape?.Invoke(spec) ?? spec).Seed(context);
        pod["metadata"]!["labels"] = new JsonObject { ["k8s-app"] = "aws-node", ["controller-revision-hash"] = "6d8b7c5f4d" };
        pod["metadata"]!["ownerReferences"]![0]!["kind"] = "DaemonSet";
        pod["metadata"]!["ownerReferences"]![0]!["name"] = "aws-node";
        return pod;
    }

    // The VPC CNI manifest's node affinity (charts/aws-vpc-cni values.yaml), which AwsNodeDaemonSet.Settle follows.
    private static JsonObject AwsNodeAffinity() => new()
    {
        ["nodeAffinity"] = new JsonObject
        {
            ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
            {
                ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                {
                    ["matchExpressions"] = new JsonArray(
                        Expression("kubernetes.io/os", "In", "linux"),
                        Expression("kubernetes.io/arch", "In", "amd64", "arm64"),
                        Expression("eks.amazonaws.com/compute-type", "NotIn", "fargate", "hybrid", "auto")),
                }),
            },
        },
    };

    private static JsonObject Expression(string key, string op, params string[] values) =>
        new() { ["key"] = key, ["operator"] = op, ["values"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]) };

    private static JsonObject Env(string name, string? value) =>
        value is null
            ? new JsonObject { ["name"] = name, ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "spec.nodeName" } } }
            : new JsonObject { ["name"] = name, ["value"] = value };
}
