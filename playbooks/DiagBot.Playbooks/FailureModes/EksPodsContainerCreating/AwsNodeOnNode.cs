using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The VPC CNI on one node: the aws-node DaemonSet's counts, its pod on the node (status, restarts), that pod's events
/// and last log lines, and the node's Ready condition. What tells "aws-node itself is failing" from every other
/// reason a sandbox cannot get its network.
/// </summary>
internal sealed record AwsNodeOnNode(
    KubeDaemonSet? DaemonSet, KubePod? Pod, KubeNode? Node, IReadOnlyList<KubeEvent> Events, IReadOnlyList<string> LogLines, bool PreviousRun,
    IReadOnlyList<EvidenceGap> Gaps)
{
    public const string Namespace = "kube-system";
    public const string Container = "aws-node";

    /// <summary>The DaemonSet's selector as the VPC CNI's manifests and the EKS add-on write it (config/master/aws-k8s-cni.yaml).</summary>
    public const string Selector = "k8s-app=aws-node";
    public const int TailLines = 20;

    /// <summary>Whether the pod list was read at all: without it, a missing aws-node pod says nothing.</summary>
    public bool PodsRead { get; init; }

    public KubeContainerStatus? Status => Pod?.ContainerStatuses.FirstOrDefault(c => c.Name == Container) ?? Pod?.ContainerStatuses.FirstOrDefault();

    /// <summary>The CNI is not serving this node: its aws-node pod is missing, or its aws-node container is not Ready.</summary>
    public bool Failing => PodsRead && (Pod is null || Status is not { Ready: true });

    public KubeCondition? NodeReady => Node?.Conditions.FirstOrDefault(c => c.Type == "Ready");

    public static async Task<AwsNodeOnNode> ReadAsync(IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        // The DaemonSet and node list are the questions PodNetwork asks too; the pod list is triage's early read.
        var daemonSet = evidence.Kubernetes.GetAwsNodeDaemonSetAsync(cluster, cancellationToken);
        var nodes = evidence.Kubernetes.ListNodesAsync(cluster, null, cancellationToken);
        var pods = await PodsAsync(evidence, cluster, cancellationToken).ConfigureAwait(false);
        var awsNode = pods.Value?.FirstOrDefault(p => p.NodeName is not null && p.NodeName == pod.NodeName);
        var status = awsNode?.ContainerStatuses.FirstOrDefault(c => c.Name == Container);

        // A container waiting to restart has no current log; what it said before it exited is its previous run's.
        var previous = status is { Running: false, LastTerminatedExitCode: not null };
        var events = awsNode is null ? null : evidence.Kubernetes.ListEventsForAsync(cluster, Namespace, "Pod", awsNode.Name, cancellationToken);
        var log = awsNode is null ? null
            : evidence.Kubernetes.GetPodLogAsync(cluster, new KubeLogQuery(Namespace, awsNode.Name, Container, previous, TailLines), cancellationToken);
        await Task.WhenAll(new Task?[] { daemonSet, nodes, events, log }.OfType<Task>()).ConfigureAwait(false);

        var eventsRead = events is null ? null : await events.ConfigureAwait(false);
        var logRead = log is null ? null : await log.ConfigureAwait(false);
        var gaps = new[] { (await daemonSet.ConfigureAwait(false)).Gap, (await nodes.ConfigureAwait(false)).Gap, pods.Gap, eventsRead?.Gap, logRead?.Gap }
            .OfType<EvidenceGap>().ToList();
        return new AwsNodeOnNode(
            (await daemonSet.ConfigureAwait(false)).Value,
            awsNode,
            (await nodes.ConfigureAwait(false)).Value?.FirstOrDefault(n => n.Name == pod.NodeName),
            eventsRead?.Value ?? [],
            logRead?.Value ?? [],
            previous,
            gaps) { PodsRead = pods.HasValue };
    }

    /// <summary>Playbook 10's early read: for a pod waiting in ContainerCreating, the aws-node pods (one of them is on its node).</summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        atHand.Pod.ContainerStatuses.Any(c => c.WaitingReason == "ContainerCreating")
            ? PodsAsync(evidence, atHand.Cluster, cancellationToken)
            : Task.CompletedTask;

    private static Task<EvidenceResult<IReadOnlyList<KubePod>>> PodsAsync(IEvidenceSource evidence, string cluster, CancellationToken cancellationToken) =>
        evidence.Kubernetes.ListPodsAsync(cluster, Namespace, Selector, cancellationToken);
}
