using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 14 on EKS: checkout/tax-calculator's image is built for amd64 only; one replica runs on a general (amd64)
/// node, the other landed on the new Graviton (arm64) node group and crash-loops. Its one log line is runc's: runc's
/// libcontainer/system Exec wraps the failed execve as an os.PathError with Op "exec", so ENOEXEC reads
/// "exec /usr/local/bin/tax-calculator: exec format error", as kubernetes/node-problem-detector#797 shows on arm64 nodes;
/// the container exits 1 (reason Error) at once and the kubelet backs off.
/// </summary>
internal sealed class ExecFormatErrorOnEks : ICatalogueEntry
{
    public const string Name = "p14-eks-exec-format-error";
    public const string PodName = "tax-calculator-6c8f7d9b5-w7q9z";
    public const string HealthyReplica = "tax-calculator-6c8f7d9b5-r2m4x";
    private const string App = "tax-calculator";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = GravitonNodes.Node(context, "10.0.21.94", 'a', "i-0a7b3c9d1e5f20614", ProdLandscape.PrivateSubnetA);
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        var image = EcsSeeds.Image(context, App, "2.7.0");
        var uid = Guid.Parse(SeedContext.Hex($"k8s/checkout/{PodName}", 32));

        new PodSpec("checkout", HealthyReplica, App, image) { NodeName = EksLandscape.NodeB, PodIp = "10.0.38.71", CreatedMinutesAgo = 35 }.Seed(context);
        var pod = new PodSpec("checkout", PodName, App, image)
        {
            NodeName = nodeName,
            PodIp = "10.0.21.130",
            CreatedMinutesAgo = 35,
            RestartCount = 11,
            Ready = false,
            State = new JsonObject
            {
                ["waiting"] = new JsonObject
                {
                    ["reason"] = "CrashLoopBackOff",
                    ["message"] = $"back-off 5m0s restarting failed container={App} pod={PodName}_checkout({uid})",
                },
            },
            LastState = KubeSeeds.Terminated(context, PodName, 1, "Error", 2, 2),
        }.Seed(context);
        KubeSeeds.Logs(context, pod, App, previous: true, "exec /usr/local/bin/tax-calculator: exec format error");
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{image}\" already present on machine", "kubelet", 33, 2, count: 11);
        KubeSeeds.Event(context, pod, "Warning", "BackOff", $"Back-off restarting failed container {App} in pod {PodName}_checkout({uid})", "kubelet", 33, 1,
            count: 154);
        DeploymentSeeds.Deployment(context, "checkout", App, image, replicas: 2, available: 1, updated: 2, progressing: true, "tax-calculator-6c8f7d9b5",
            createdMinutesAgo: 60 * 24 * 40);

        return new SandboxScenario(Name, 14, $"pod checkout/{PodName}",
            $"EKS pod checkout/tax-calculator crash-loops on Graviton node {nodeName} (arm64) with \"exec format error\": "
            + "its image is amd64-only and runs on an amd64 node.");
    }
}
