using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 15 on EKS: the node under receipt-mailer stopped posting status (its kubelet is gone), so the API server
/// cannot dial the kubelet on 10250 and `kubectl exec` fails, while the pod still reads Running until it is evicted.
/// </summary>
internal sealed class EcsExecFailsOnEks : ICatalogueEntry
{
    public const string Name = "p15-eks-kubectl-exec-fails";
    public const string NodeIp = "10.0.44.87";
    private const string PodName = "receipt-mailer-6b8c9d7f5-w2q9z";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = KubeSeeds.Node(context, NodeIp, context.Zone('b'), "i-0e84c7a2d9f1b3e05");
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        var lost = context.Ago(3);
        node["spec"]!["taints"] = new JsonArray(
            new JsonObject { ["key"] = "node.kubernetes.io/unreachable", ["effect"] = "NoSchedule", ["timeAdded"] = KubeSeeds.Time(lost) },
            new JsonObject { ["key"] = "node.kubernetes.io/unreachable", ["effect"] = "NoExecute", ["timeAdded"] = KubeSeeds.Time(lost) });
        foreach (var condition in node["status"]!["conditions"]!.AsArray())
        {
            condition!["status"] = "Unknown";
            condition["reason"] = "NodeStatusUnknown";
            condition["message"] = "Kubelet stopped posting node status.";
            condition["lastTransitionTime"] = KubeSeeds.Time(lost);
        }

        var pod = new PodSpec("checkout", PodName, "receipt-mailer", EcsSeeds.Image(context, "receipt-mailer", "2.3.4"))
        {
            NodeName = nodeName,
            PodIp = "10.0.45.12",
            CreatedMinutesAgo = 60 * 20,
            Ready = false,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(60 * 20 - 1)) } },
        }.Seed(context);
        KubeSeeds.Event(context, pod, "Warning", "NodeNotReady", "Node is not ready", "node-controller", 3, 3);

        // The engineer quotes kubectl's error, as they would in chat: the pod alone looks like it is running.
        return new SandboxScenario(Name, 15, $"kubectl exec fails on pod checkout/{PodName} with error dialing backend: dial tcp {NodeIp}:10250: i/o timeout",
            $"kubectl exec into checkout/receipt-mailer fails: node {nodeName} stopped posting status 3 minutes ago (Ready Unknown), so the API server cannot reach its kubelet.");
    }
}
