using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Whether the API server reaches the pod's kubelet, read by DiagBot itself: exec, attach, port-forward and logs are all
/// proxied by the API server to the kubelet on port 10250, so a one-line pods/log read takes the same path. When it
/// fails with a dial error, the node's security groups are read against the cluster's control-plane groups.
/// </summary>
internal sealed record KubeletReach(
    bool Reached,
    KubeletDialFailure? Dial,
    KubeletPortRules? Port,
    Ec2Instance? Instance,
    AwsScope Scope,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<EvidenceGap> Gaps)
{
    public const int ProbeLines = 1;

    /// <summary>Playbook 15's early reads of a running pod whose engineer's words are about kubectl exec or logs failing.</summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken)
    {
        if (atHand is not { Pod: { Phase: "Running" } pod, Cluster: var cluster } || !EcsExecFailsSignals.AboutKubectl(atHand.Symptom))
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(
            ProbeAsync(evidence, cluster, pod, cancellationToken) ?? Task.CompletedTask,
            PodNetwork.InstanceAsync(evidence, cluster, pod, cancellationToken) ?? Task.CompletedTask,
            ClusterAsync(evidence, cluster, cancellationToken) ?? Task.CompletedTask,
            evidence.Kubernetes.ListNodesAsync(cluster, null, cancellationToken));
    }

    public static async Task<KubeletReach> ReadAsync(IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        var scope = evidence.Kubernetes.EksClusterOf(cluster)?.Scope ?? AwsScope.Default;
        var probe = ProbeAsync(evidence, cluster, pod, cancellationToken);
        var instanceRead = PodNetwork.InstanceAsync(evidence, cluster, pod, cancellationToken);
        var clusterRead = ClusterAsync(evidence, cluster, cancellationToken);
        var items = new List<EvidenceItem>();
        var gaps = new List<EvidenceGap>();
        if (probe is null)
        {
            return new KubeletReach(false, null, null, null, scope, items, gaps);
        }

        var read = await probe.ConfigureAwait(false);
        var container = ProbeContainer(pod);
        // The pod's own read answered at once, so a proxied read that times out is the API server waiting on its dialer.
        var dial = KubeletDialFailure.From(read.Gap) ?? KubeletDialFailure.Unanswered(read.Gap, pod.HostIp);
        if (read.Value is not null)
        {
            items.Add(new EvidenceItem("kubernetes:pods/log", $"API server to kubelet on {pod.NodeName} (port {KubeletDialFailure.KubeletPort})",
                $"reached: DiagBot read container {container}'s last log line through it"));
            return new KubeletReach(true, null, null, null, scope, items, gaps);
        }

        if (dial is null)
        {
            gaps.Add(read.Gap!);
            return new KubeletReach(false, null, null, null, scope, items, gaps);
        }

        items.Add(new EvidenceItem("kubernetes:pods/log", $"API server to kubelet on {pod.NodeName} (port {dial.Port})", read.Gap!.Detail));
        var instances = instanceRead is null ? null : await instanceRead.ConfigureAwait(false);
        var instance = instances?.Value?.FirstOrDefault();
        var eks = clusterRead is null ? null : await clusterRead.ConfigureAwait(false);
        Collect(gaps, instances?.Gap, eks?.Gap);
        if (clusterRead is null)
        {
            gaps.Add(new EvidenceGap("eks", "DescribeCluster", GapReason.InvalidRequest,
                $"cluster '{cluster}' has no EKS name configured: set DiagBot:Kubernetes:Clusters:n:Eks:ClusterName and Region "
                + "to read its control-plane security groups"));
        }

        if (instance is not { SecurityGroupIds.Count: > 0 })
        {
            return new KubeletReach(false, dial, null, instance, scope, items, gaps);
        }

        var controlPlane = eks?.Value?.ControlPlaneSecurityGroupIds ?? [];
        items.Add(new EvidenceItem("ec2:DescribeInstances", $"instance {instance.InstanceId} of node {pod.NodeName} security groups",
            string.Join(", ", instance.SecurityGroupIds)));
        if (controlPlane.Count > 0)
        {
            items.Add(new EvidenceItem("eks:DescribeCluster", "control-plane security groups (cluster security group first)", string.Join(", ", controlPlane)));
        }

        var groups = await evidence.Network.DescribeSecurityGroupsAsync(instance.SecurityGroupIds, scope, cancellationToken).ConfigureAwait(false);
        Collect(gaps, groups.Gap);
        if (groups.Value is not { } described)
        {
            return new KubeletReach(false, dial, null, instance, scope, items, gaps);
        }

        var port = KubeletPortRules.Assess(described, controlPlane);
        items.Add(new EvidenceItem("ec2:DescribeSecurityGroups", $"inbound TCP {KubeletDialFailure.KubeletPort} on the node's security groups",
            port.Describe()));
        return new KubeletReach(false, dial, port, instance, scope, items, gaps);
    }

    /// <summary>The container whose log stands in for the kubelet path: the first running one (any container's log takes the same path).</summary>
    public static string? ProbeContainer(KubePod pod) =>
        pod.ContainerStatuses.FirstOrDefault(s => s.Running)?.Name ?? pod.Containers.FirstOrDefault()?.Name;

    private static Task<EvidenceResult<IReadOnlyList<string>>>? ProbeAsync(
        IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken) =>
        pod.NodeName is null || ProbeContainer(pod) is not { } container
            ? null
            : evidence.Kubernetes.GetPodLogAsync(cluster, new KubeLogQuery(pod.Namespace, pod.Name, container, false, ProbeLines), cancellationToken);

    private static Task<EvidenceResult<EksCluster>>? ClusterAsync(IEvidenceSource evidence, string cluster, CancellationToken cancellationToken) =>
        evidence.Kubernetes.EksClusterOf(cluster) is { } eks ? evidence.Eks.DescribeClusterAsync(eks.ClusterName, eks.Scope, cancellationToken) : null;

    private static void Collect(List<EvidenceGap> gaps, params EvidenceGap?[] found) => gaps.AddRange(found.OfType<EvidenceGap>());
}
