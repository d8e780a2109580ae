using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 8 on EKS: settlement-worker exits 1 seconds after each start because a required setting is missing;
/// the kubelet backs off (CrashLoopBackOff) and `kubectl logs --previous` shows why.
/// </summary>
internal sealed class CrashLoopOnEks : ICatalogueEntry
{
    public const string Name = "p08-eks-pod-crash-loop";
    private const string PodName = "settlement-worker-5f6d7c8b9-t4n2p";
    private const string Container = "settlement-worker";

    public SandboxScenario Seed(SeedContext context)
    {
        var uid = Guid.Parse(SeedContext.Hex($"k8s/payments/{PodName}", 32));
        var pod = new PodSpec("payments", PodName, Container, EcsSeeds.Image(context, Container, "1.9.0"))
        {
            NodeName = EksLandscape.NodeA,
            PodIp = "10.0.6.18",
            CreatedMinutesAgo = 52,
            RestartCount = 14,
            Ready = false,
            State = new JsonObject
            {
                ["waiting"] = new JsonObject
                {
                    ["reason"] = "CrashLoopBackOff",
                    ["message"] = $"back-off 5m0s restarting failed container={Container} pod={PodName}_payments({uid})",
                },
            },
            LastState = KubeSeeds.Terminated(context, PodName, 1, "Error", 3, 3),
        }.Seed(context);

        var at = context.Ago(3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        KubeSeeds.Logs(context, pod, Container, previous: true,
            $"{at}.112Z INFO  settlement-worker 1.9.0 starting (pid 1)",
            $"{at}.118Z INFO  loading configuration from environment",
            $"{at}.121Z FATAL config: SETTLEMENT_DB_DSN is required but empty",
            $"{at}.121Z FATAL cannot start without a database connection; exiting with status 1");
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{EcsSeeds.Image(context, Container, "1.9.0")}\" already present on machine", "kubelet", 50, 3, count: 14);
        KubeSeeds.Event(context, pod, "Warning", "BackOff", $"Back-off restarting failed container {Container} in pod {PodName}_payments({uid})", "kubelet", 50, 1, count: 212);

        return new SandboxScenario(Name, 8, $"pod payments/{PodName}",
            "EKS pod payments/settlement-worker in CrashLoopBackOff: 14 restarts, last exit 1; previous logs say SETTLEMENT_DB_DSN is empty.");
    }
}
