using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Landscape;

/// <summary>
/// The aws-node DaemonSet as its controller keeps it once every incident has added its nodes: one pod on every node its
/// affinity allows (the VPC CNI's manifest, charts/aws-vpc-cni values.yaml, requires linux on amd64 or arm64 and
/// excludes `eks.amazonaws.com/compute-type` fargate, hybrid and auto), and a status counted from those pods as the
/// DaemonSet controller counts it (apps/v1 DaemonSetStatus: desired, current, ready, available, unavailable, updated).
/// </summary>
internal static class AwsNodeDaemonSet
{
    private static readonly string[] ComputeTypesWithoutAwsNode = ["fargate", "hybrid", "auto"];

    public static void Settle(SeedContext context)
    {
        var kube = context.World.Kube;
        var eligible = kube.List(KubeResource.Nodes).Where(RunsAwsNode).ToList();
        var pods = kube.List(KubeResource.Pods).Where(IsAwsNodePod).ToList();
        foreach (var node in eligible)
        {
            var name = KubeState.Name(node)!;
            if (!pods.Any(pod => NodeOf(pod) == name))
            {
                var pod = EksLandscape.SeedAwsNodePod(context, name);
                if (!IsTrue(node, "Ready"))
                {
                    // The node lifecycle controller sets the Ready condition of a not-Ready node's pods to False, and only
                    // that: the kubelet that would post their containers' state is the one not answering (MarkPodsNotReady).
                    pod["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Ready")!["status"] = "False";
                }

                pods.Add(pod);
            }
        }

        var scheduled = pods.Count(pod => eligible.Any(node => KubeState.Name(node) == NodeOf(pod)));
        var ready = pods.Count(pod => IsTrue(pod, "Ready"));
        kube.Modify(KubeResource.DaemonSets, "kube-system", "aws-node", ds => ds["status"] = new JsonObject
        {
            ["currentNumberScheduled"] = scheduled,
            ["desiredNumberScheduled"] = eligible.Count,
            ["numberAvailable"] = ready,
            ["numberMisscheduled"] = pods.Count - scheduled,
            ["numberReady"] = ready,
            ["numberUnavailable"] = eligible.Count - ready,
            ["observedGeneration"] = 3,
            ["updatedNumberScheduled"] = scheduled,
        });
    }

    private static bool RunsAwsNode(JsonObject node)
    {
        var labels = node["metadata"]?["labels"];
        return labels?["kubernetes.io/os"]?.GetValue<string>() == "linux"
            && labels["kubernetes.io/arch"]?.GetValue<string>() is "amd64" or "arm64"
            && !ComputeTypesWithoutAwsNode.Contains(labels["eks.amazonaws.com/compute-type"]?.GetValue<string>());
    }

    private static bool IsAwsNodePod(JsonObject pod) =>
        KubeState.Namespace(pod) == "kube-system" && pod["metadata"]?["labels"]?["k8s-app"]?.GetValue<string>() == "aws-node";

    private static string? NodeOf(JsonObject pod) => pod["spec"]?["nodeName"]?.GetValue<string>();

    private static bool IsTrue(JsonObject item, string condition) =>
        item["status"]?["conditions"]?.AsArray().Any(c => c?["type"]?.GetValue<string>() == condition && c["status"]?.GetValue<string>() == "True") == true;
}
