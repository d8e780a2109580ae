using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 11 on EKS: was the pod's node reclaimed by Spot, or taken away on purpose (Karpenter consolidation or drift,
/// a cluster-autoscaler scale-in)? Read from the node's events and capacity labels, its EC2 instance, and the pod's
/// DisruptionTarget condition; a planned disruption is ruled out with the PDB advice that applies to both.
/// </summary>
internal static class SpotReclaimOnEks
{
    public const string HandledSubCause = "spot-node-reclaimed-drained";
    public const string UnhandledSubCause = "spot-node-reclaimed-without-interruption-handling";
    public const string PlannedSubCause = "planned-node-disruption";
    private const string Events = "kubernetes:events";

    public static async Task<Verdict> InvestigateAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        if (pod.NodeName is not { } nodeName)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut, $"Pod {pod.Namespace}/{pod.Name} was never placed on a node, so no node was reclaimed under it.");
        }

        var k8s = context.Evidence.Kubernetes;
        var nodeRead = k8s.GetNodeAsync(cluster, nodeName, cancellationToken);
        var eventsRead = k8s.ListEventsForAsync(cluster, "default", "Node", nodeName, cancellationToken);
        var node = await nodeRead.ConfigureAwait(false);
        var nodeEvents = await eventsRead.ConfigureAwait(false);
        var events = nodeEvents.Value ?? [];

        // The node's events usually decide it; only when they are silent (no Karpenter, no handler) is the instance asked.
        var scope = k8s.EksClusterOf(cluster)?.Scope ?? AwsScope.Default;
        var decided = NodeDisruption.Spot(events) is not null || NodeDisruption.Planned(events) is not null;
        var instance = !decided && node.Value?.InstanceId is { } id ? await context.Evidence.Network.DescribeInstancesAsync([id], scope, cancellationToken).ConfigureAwait(false) : null;
        var ec2 = instance?.Value?.FirstOrDefault();
        var evidence = Evidence(pod, nodeName, node.Value, ec2, events).ToList();
        List<EvidenceGap> missing = [.. new[] { node.Gap, nodeEvents.Gap, instance?.Gap }.OfType<EvidenceGap>()];
        var confirm = EksCli.NodeEvents(cluster, nodeName);

        var spot = NodeDisruption.Spot(events);
        if (spot is not null || NodeCapacity.ReclaimedBySpot(ec2))
        {
            var handled = NodeDisruption.Handled(events);
            var what = spot is null ? $"EC2 ended instance {ec2!.InstanceId}: {ec2.StateReasonMessage}" : $"{spot.Reason}: {spot.Message}";
            return Verdict.For(playbook, VerdictStatus.Confirmed, handled
                ? $"Spot reclaimed node {nodeName} under pod {pod.Namespace}/{pod.Name} ({what}); Karpenter drained it within the two-minute notice and the pod was evicted to be rescheduled."
                : $"Spot reclaimed node {nodeName} under pod {pod.Namespace}/{pod.Name} ({what}) and nothing drained it first: the pod lost its node without a graceful eviction.")
                with { SubCause = handled ? HandledSubCause : UnhandledSubCause, Evidence = evidence, Missing = missing, Fix = SpotFix(pod, handled), Confirm = confirm };
        }

        if (NodeDisruption.Planned(events) is { } planned)
        {
            var capacity = node.Value is { } n ? NodeCapacity.CapacityType(n) ?? "unlabelled" : "unknown";
            return Verdict.For(playbook, VerdictStatus.RuledOut,
                $"Node {nodeName} ({capacity} capacity) was taken away on purpose, not by Spot: {planned.Reason} \"{planned.Message}\" ({planned.SourceComponent}). The pod was evicted to be rescheduled, as planned disruptions do.")
                with
                {
                    SubCause = PlannedSubCause,
                    Evidence = evidence,
                    Missing = missing,
                    Fix =
                    [
                        $"If the eviction hurt, give the workload of {pod.Name} a PodDisruptionBudget (minAvailable or maxUnavailable) so consolidation drains it one replica at a time.",
                        "Pods that must not move can carry the annotation karpenter.sh/do-not-disrupt: \"true\"; NodePool disruption budgets limit how many nodes Karpenter takes at once.",
                    ],
                    Confirm = confirm,
                };
        }

        var status = missing.Count > 0 ? VerdictStatus.Inconclusive : VerdictStatus.RuledOut;
        return Verdict.For(playbook, status, status == VerdictStatus.RuledOut
            ? $"Node {nodeName} of pod {pod.Namespace}/{pod.Name} shows no Spot interruption: no Spot events, and its instance was not ended by EC2 for Spot."
            : $"Whether Spot reclaimed node {nodeName} could not be read in full; no Spot interruption was seen in what was read.")
            with { Evidence = evidence, Missing = missing, Confirm = confirm };
    }

    private static List<string> SpotFix(KubePod pod, bool handled) =>
    [
        .. handled ? Array.Empty<string>() : ["Handle Spot notices: run Karpenter with its interruption queue (settings.interruptionQueue, the SQS queue fed by EventBridge Spot interruption warnings), or the AWS Node Termination Handler for self-managed node groups, so nodes are cordoned and drained within the two-minute notice."],
        $"Keep an on-demand base under the Spot share of {pod.Name}'s workload: an On-Demand managed node group or a Karpenter NodePool with karpenter.sh/capacity-type On-Demand, and spread replicas across nodes and zones (topologySpreadConstraints).",
        "Give the workload a PodDisruptionBudget so an eviction never takes all its replicas at once, and let its containers stop within terminationGracePeriodSeconds (the notice is two minutes).",
    ];

    private static IEnumerable<EvidenceItem> Evidence(KubePod pod, string nodeName, KubeNode? node, Ec2Instance? instance, IReadOnlyList<KubeEvent> events)
    {
        if (NodeDisruption.TargetOf(pod) is { } target)
        {
            yield return new EvidenceItem("kubernetes:pods", $"pod {pod.Name} DisruptionTarget", $"{target.Reason}: {target.Message}");
        }

        if (pod.DeletionTimestamp is { } deleting)
        {
            yield return new EvidenceItem("kubernetes:pods", $"pod {pod.Name} being deleted since", deleting.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (node is not null)
        {
            yield return new EvidenceItem("kubernetes:nodes", $"node {nodeName} capacity type", NodeCapacity.CapacityType(node) ?? "(no capacity-type label)");
            yield return new EvidenceItem("kubernetes:nodes", $"node {nodeName} Ready", node.Conditions.FirstOrDefault(c => c.Type == "Ready") is { } ready ? $"{ready.Status} {ready.Reason}" : "(no Ready condition)");
        }

        if (instance is not null)
        {
            yield return new EvidenceItem("ec2:DescribeInstances", $"instance {instance.InstanceId} lifecycle and state",
                $"{instance.InstanceLifecycle ?? "on-demand"}, {instance.State}{(instance.StateReasonMessage is null ? string.Empty : $" ({instance.StateReasonMessage})")}");
        }

        foreach (var e in events.Where(e => NodeDisruption.SpotReasons.Contains(e.Reason) || NodeDisruption.PlannedReasons.Contains(e.Reason) || e.Reason is "NodeNotReady" or "RemovingNode"))
        {
            yield return new EvidenceItem(Events, $"node {nodeName} {e.Reason} ({e.SourceComponent}, {e.Count} times)", e.Message ?? string.Empty);
        }
    }
}
