using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 7 on EKS: the JVM in pricing-engine outgrows its 256Mi limit; the kernel kills it (lastState terminated
/// OOMKilled, exit 137) and the kubelet restarts it. node-problem-detector reported the cgroup OOM kill on the node.
/// </summary>
internal sealed class TaskOutOfMemoryOnEks : ICatalogueEntry
{
    public const string Name = "p07-eks-pod-oom";
    private const string PodName = "pricing-engine-7d9f8b6c5-m3x7q";

    public SandboxScenario Seed(SeedContext context)
    {
        var pod = new PodSpec("checkout", PodName, "pricing-engine", EcsSeeds.Image(context, "pricing-engine", "4.2.0"))
        {
            NodeName = EksLandscape.NodeB,
            PodIp = "10.0.38.41",
            MemoryRequest = "256Mi",
            MemoryLimit = "256Mi",
            CreatedMinutesAgo = 60 * 6,
            RestartCount = 3,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(4)) } },
            LastState = KubeSeeds.Terminated(context, PodName, 137, "OOMKilled", 71, 4),
        }.Seed(context);

        var node = context.World.Kube.List(Kubernetes.KubeResource.Nodes).Single(n => Kubernetes.KubeState.Name(n) == EksLandscape.NodeB);
        KubeSeeds.Event(context, node, "Warning", "OOMKilling",
            "Memory cgroup out of memory: Killed process 28731 (java) total-vm:3127740kB, anon-rss:261044kB, file-rss:18340kB, shmem-rss:0kB, UID:1000 pgtables:1052kB oom_score_adj:984",
            "kernel-monitor", firstMinutesAgo: 4, lastMinutesAgo: 4);
        KubeSeeds.Event(context, pod, "Normal", "Pulled", $"Container image \"{EcsSeeds.Image(context, "pricing-engine", "4.2.0")}\" already present on machine", "kubelet", 60 * 5, 4, count: 3);
        KubeSeeds.Event(context, pod, "Normal", "Started", "Started container pricing-engine", "kubelet", 60 * 6, 4, count: 4);

        // Container Insights runs on prod-eks: the JVM's working set climbs to the 256Mi limit over the run that was killed
        // 4 minutes ago, then starts again low after the restart.
        var killedRunStart = context.Ago(71);
        var killedAt = context.Ago(4);
        MetricSeeds.PodMemory(context, EksLandscape.ClusterName, "checkout", "pricing-engine", PodName, context.Ago(90), 256, minute => minute < killedRunStart
            ? 180
            : minute < killedAt ? Math.Min(256, 110 + (160 * (minute - killedRunStart).TotalMinutes / (killedAt - killedRunStart).TotalMinutes)) : 115);

        return new SandboxScenario(Name, 7, $"pod checkout/{PodName}",
            "EKS pod checkout/pricing-engine restarted 3 times: last terminated OOMKilled, exit 137, under a 256Mi memory limit; OOMKilling event on its node.");
    }
}
