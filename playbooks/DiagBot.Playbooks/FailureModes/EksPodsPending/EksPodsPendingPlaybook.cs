using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 9: an EKS pod stays Pending because the scheduler finds no node for it.</summary>
internal sealed class EksPodsPendingPlaybook : IPlaybook
{
    // A pod younger than this is still being placed; Pending is its normal state.
    private static readonly TimeSpan StartingGrace = TimeSpan.FromMinutes(2);

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForPod = [PendingOnFargate.EarlyAsync] };

    public int Id => EksPodsPending.Number;

    public string Name => EksPodsPending.Name;

    public string Title => EksPodsPending.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is not { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No pod to read; give it as `pod <namespace>/<name>`.");
        }

        var failed = context.PodEvents.LastOrDefault(e => e.Reason == "FailedScheduling");
        var scheduled = context.PodEvents.LastOrDefault(e => e.Reason == "Scheduled");
        if (pod.Phase != "Pending" || (scheduled is not null && (failed is null || scheduled.LastTimestamp >= failed.LastTimestamp)))
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Pod {pod.Namespace}/{pod.Name} is not waiting for a node: it is {pod.Phase}{(scheduled is null ? string.Empty : $" and was scheduled ({scheduled.Message})")}.")
                with { Evidence = [PodPhase(pod)] };
        }

        // A pod meant for Fargate is decided by the cluster's Fargate profiles, not by the taints of the nodes it sees.
        if (await PendingOnFargate.InvestigateAsync(this, context, pod, cluster, failed, cancellationToken).ConfigureAwait(false) is { } fargate)
        {
            return fargate;
        }

        if (failed is null)
        {
            return NewVerdict(VerdictStatus.Inconclusive, $"Pod {pod.Namespace}/{pod.Name} is Pending but the scheduler has reported no FailedScheduling event; events may have expired (they are kept about an hour).")
                with { Evidence = [PodPhase(pod)], Confirm = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name) };
        }

        var message = SchedulingMessage.Parse(failed.Message);
        var nodes = await context.Evidence.Kubernetes.ListNodesAsync(cluster, null, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EvidenceItem> evidence = [PodPhase(pod), new("kubernetes:events", $"FailedScheduling ({failed.Count} times)", failed.Message ?? string.Empty), .. NodeEvidence(nodes.Value)];
        var subCause = message?.MainSubCause ?? SchedulingMessage.Other;
        return NewVerdict(VerdictStatus.Confirmed, RootCause(pod, message, subCause)) with
        {
            SubCause = subCause,
            Evidence = evidence,
            Missing = nodes.Gap is null ? [] : [nodes.Gap],
            Fix = PendingFixes.For(subCause),
            Confirm = $"{KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name)} && {KubectlCli.NodesAllocatable(cluster)}",
        };
    }

    private static string RootCause(KubePod pod, SchedulingMessage? message, string subCause)
    {
        var counts = message is null ? "the scheduler finds no node for it" : $"{message.AvailableNodes} of {message.TotalNodes} nodes can take it ({string.Join(", ", message.Reasons.Select(r => $"{r.Nodes} {r.Reason}"))})";
        return subCause switch
        {
            SchedulingMessage.InsufficientResources => $"Pod {pod.Namespace}/{pod.Name} requests more CPU or memory than any node has free: {counts}.",
            SchedulingMessage.UntoleratedTaint => $"Pod {pod.Namespace}/{pod.Name} does not tolerate the taints of the nodes that have room: {counts}.",
            SchedulingMessage.NodeAffinity => $"Pod {pod.Namespace}/{pod.Name}'s node selector or affinity matches no node that has room: {counts}.",
            SchedulingMessage.NoNodes => $"There are no nodes that pod {pod.Namespace}/{pod.Name} could use; on EKS Fargate this means no Fargate profile matches its namespace and labels.",
            _ => $"Pod {pod.Namespace}/{pod.Name} cannot be scheduled: {counts}.",
        };
    }

    private static EvidenceItem PodPhase(KubePod pod) => new("kubernetes:pods", $"pod {pod.Namespace}/{pod.Name} phase", pod.Phase ?? "(unknown)");

    private static IEnumerable<EvidenceItem> NodeEvidence(IReadOnlyList<KubeNode>? nodes) =>
        (nodes ?? []).Select(node => new EvidenceItem(
            "kubernetes:nodes",
            $"node {node.Name} allocatable",
            $"cpu {node.Allocatable.GetValueOrDefault("cpu", "?")}, memory {node.Allocatable.GetValueOrDefault("memory", "?")}{Taints(node)}"));

    private static string Taints(KubeNode node) =>
        node.Taints.Count == 0 ? string.Empty : $", taints {string.Join(", ", node.Taints.Select(t => $"{t.Key}={t.Value}:{t.Effect}"))}";

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
