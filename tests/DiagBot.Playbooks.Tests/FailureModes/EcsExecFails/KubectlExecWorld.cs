using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Where the in-memory kubectl exec tests start: a worker pod whose container runs, on a node that may be Ready.</summary>
internal static class KubectlExecWorld
{
    public static readonly KubeContainerStatus RunningWorker = new() { Name = "worker", Running = true, Ready = true };

    /// <summary>The pod's node Ready; <paramref name="logGap"/> is what a one-line log read answers instead of its line.</summary>
    public static FakePodWorld ReadyNode(EvidenceGap? logGap = null)
    {
        var world = new FakePodWorld { CurrentLogGap = logGap };
        world.Nodes.Add(FakePodWorld.Node(FakePodWorld.PodNode, "True"));
        return world;
    }

    /// <summary>Playbook 15 on the running worker, told what kubectl said.</summary>
    public static Task<Verdict> InvestigateAsync(FakePodWorld world, string said) =>
        new EcsExecFailsPlaybook().InvestigateAsync(world.Context(FakePodWorld.Pod(RunningWorker), said), CancellationToken.None);
}
