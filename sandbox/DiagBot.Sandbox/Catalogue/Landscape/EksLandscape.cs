using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Landscape;

// The EKS cluster beside `prod`: three general nodes in the prod private subnets, the usual namespaces, and the VPC CNI
// (aws-node) with prefix delegation off, as EKS installs it.
internal static class EksLandscape
{
    public static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "shop", "payments", "checkout"];

    public static string NodeA => "ip-10-0-4-21.ec2.internal";

    public static string NodeB => "ip-10-0-37-112.ec2.internal";

    public static string NodeC => "ip-10-0-12-203.ec2.internal";

    public static void Seed(SeedContext context)
    {
        foreach (var name in Namespaces)
        {
            KubeSeeds.Namespace(context, name);
        }

        KubeSeeds.Node(context, "10.0.4.21", context.Zone('a'), "i-0a3f9c2b7d41e5a01");
        KubeSeeds.Node(context, "10.0.37.112", context.Zone('b'), "i-0b71d4e0c9a2f3b02");
        KubeSeeds.Node(context, "10.0.12.203", context.Zone('a'), "i-0c52e8a1f6b7d9c03");
        SeedAwsNode(context);
        foreach (var node in new[] { NodeA, NodeB, NodeC })
        {
            SeedAwsNodePod(context, node);
        }

        EksSearchApi.Seed(context);
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
            Env("ENABLE_POD_ENI", "false"),
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
                        ["hostNetwork"] = true,
                        ["serviceAccountName"] = "aws-node",
                    },
                },
                ["updateStrategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "10%" } },
            },
            ["status"] = new JsonObject
            {
                ["currentNumberScheduled"] = 4,
                ["desiredNumberScheduled"] = 4,
                ["numberAvailable"] = 4,
                ["numberMisscheduled"] = 0,
                ["numberReady"] = 4,
                ["observedGeneration"] = 3,
                ["updatedNumberScheduled"] = 4,
            },
        });
    }

    // The CNI runs on the host network, so its pod IP is the node's.
    public static void SeedAwsNodePod(SeedContext context, string nodeName)
    {
        var pod = new PodSpec("kube-system", $"aws-node-{SeedContext.Hex("aws-node/" + nodeName, 5)}", "aws-node", "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1")
        {
            NodeName = nodeName,
            PodIp = nodeName["ip-".Length..nodeName.IndexOf('.', StringComparison.Ordinal)].Replace('-', '.'),
            CpuRequest = "25m",
            MemoryRequest = "0",
            MemoryLimit = null,
            CreatedMinutesAgo = 60 * 24 * 9,
        }.Seed(context);
        pod["metadata"]!["labels"] = new JsonObject { ["k8s-app"] = "aws-node", ["controller-revision-hash"] = "6d8b7c5f4d" };
        pod["metadata"]!["ownerReferences"]![0]!["kind"] = "DaemonSet";
        pod["metadata"]!["ownerReferences"]![0]!["name"] = "aws-node";
    }

    private static JsonObject Env(string name, string? value) =>
        value is null
            ? new JsonObject { ["name"] = name, ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "spec.nodeName" } } }
            : new JsonObject { ["name"] = name, ["value"] = value };
}
