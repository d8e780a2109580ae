using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Exit 137 without OOMKilled on EKS: the liveness probe timed out during a slow spell, the kubelet killed the container
/// (SIGKILL after the grace period, reason Error) and restarted it once; it has run and been Ready since. Not memory, not a loop.
/// </summary>
internal sealed class TaskOutOfMemoryLookalikeOnEks : ICatalogueEntry
{
    public const string Name = "lookalike-eks-liveness-137";
    private const string PodName = "fraud-scorer-8c7b6d5f4-p9r3k";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "fraud-scorer", "3.0.7");
        var pod = new PodSpec("payments", PodName, "fraud-scorer", image)
        {
            NodeName = EksLandscape.NodeC,
            PodIp = "10.0.13.66",
            MemoryRequest = "1Gi",
            MemoryLimit = "2Gi",
            CreatedMinutesAgo = 60 * 9,
            RestartCount = 1,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(40)) } },
            LastState = KubeSeeds.Terminated(context, PodName, 137, "Error", 60 * 9 - 1, 40),
            LivenessProbe = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = 8080, ["scheme"] = "HTTP" },
                ["timeoutSeconds"] = 1,
                ["periodSeconds"] = 10,
                ["failureThreshold"] = 3,
                ["successThreshold"] = 1,
            },
        }.Seed(context);
        KubeSeeds.Event(context, pod, "Warning", "Unhealthy",
            "Liveness probe failed: Get \"http://10.0.13.66:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", "kubelet", 41, 41, count: 3);
        KubeSeeds.Event(context, pod, "Normal", "Killing", "Container fraud-scorer failed liveness probe, will be restarted", "kubelet", 41, 41);
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{image}\" already present on machine", "kubelet", 40, 40);

        return new SandboxScenario(Name, null, $"pod payments/{PodName}",
            "Look-alike: EKS pod restarted once by a failed liveness probe (exit 137, reason Error, not OOMKilled) and Running and Ready since.");
    }
}
