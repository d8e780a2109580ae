using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a pod stuck in ContainerCreating: its events hold a Warning FailedCreatePodSandBox, four times, from the VPC
/// CNI. But aws-node's ipamd was restarting on the node (the plugin's gRPC call to ipamd on 127.0.0.1:50051 refused, as
/// quoted in projectcalico/calico#4087); the kubelet retried, the sandbox was created and the pod has been Running and
/// Ready since. The later events are the kubelet's Pulled, Created and Started.
/// </summary>
internal sealed class EksPodsContainerCreatingLookalikeIpamdBack : ICatalogueEntry
{
    public const string Name = "lookalike-ipamd-restarted";
    private const string PodName = "settlement-worker-7d9f8b6c5-r4t8n";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "settlement-worker", "2.4.0");
        var pod = new PodSpec("payments", PodName, "settlement-worker", image)
        {
            NodeName = EksLandscape.NodeC,
            PodIp = "10.0.13.141",
            CreatedMinutesAgo = 9,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(6)) } },
        }.Seed(context);

        var refused = "Failed to create pod sandbox: rpc error: code = Unknown desc = "
            + $"failed to setup network for sandbox \"{SeedContext.Hex("sandbox/" + Name, 64)}\": "
            + "add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable desc = connection error: "
            + "desc = \"transport: Error while dialing dial tcp 127.0.0.1:50051: connect: connection refused\"";
        KubeSeeds.Event(context, pod, "Normal", "Scheduled", $"Successfully assigned payments/{PodName} to {EksLandscape.NodeC}", "default-scheduler", 9, 9);
        KubeSeeds.Event(context, pod, "Warning", "FailedCreatePodSandBox", refused, "kubelet", 9, 7, count: 4);
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{image}\" already present on machine", "kubelet", 6, 6);
        KubeSeeds.Event(context, pod, "Normal", "Created", "Created container settlement-worker", "kubelet", 6, 6);
        KubeSeeds.Event(context, pod, "Normal", "Started", "Started container settlement-worker", "kubelet", 6, 6);

        return new SandboxScenario(Name, null, $"pod payments/{PodName}",
            "Look-alike: a pod whose sandbox failed four times while aws-node's ipamd restarted, then was created: Running and Ready for six minutes.");
    }
}
