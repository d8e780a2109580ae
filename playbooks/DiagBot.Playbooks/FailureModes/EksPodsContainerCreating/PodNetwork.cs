using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The pod's node, its instance's subnet (found by the pod's hostIP), and the VPC CNI's settings.</summary>
internal sealed record PodNetwork(KubeNode? Node, Subnet? Subnet, KubeDaemonSet? AwsNode, IReadOnlyList<EvidenceGap> Gaps)
{
    public const string PrefixDelegationSetting = "ENABLE_PREFIX_DELEGATION";

    public bool? PrefixDelegation => AwsNode?.Containers
        .Select(c => c.Env.GetValueOrDefault(PrefixDelegationSetting))
        .FirstOrDefault(value => value is not null) is { } value
            ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
            : AwsNode is null ? null : false;

    public static async Task<PodNetwork> ReadAsync(IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        var nodes = evidence.Kubernetes.ListNodesAsync(cluster, null, cancellationToken);
        var awsNode = evidence.Kubernetes.GetAwsNodeDaemonSetAsync(cluster, cancellationToken);
        var instance = InstanceAsync(evidence, cluster, pod, cancellationToken) ?? Task.FromResult(EvidenceResult<IReadOnlyList<Ec2Instance>>.Missing(
            new EvidenceGap("ec2", "DescribeInstances", GapReason.InvalidRequest, $"pod {pod.Namespace}/{pod.Name} has no hostIP yet, so its node's instance is not known")));
        var subnets = SubnetOfAsync(evidence, cluster, instance, cancellationToken);
        await Task.WhenAll(nodes, awsNode, subnets).ConfigureAwait(false);
        var node = (await nodes.ConfigureAwait(false)).Value?.FirstOrDefault(n => n.Name == pod.NodeName);
        var subnetRead = await subnets.ConfigureAwait(false);
        var subnet = subnetRead?.Value?.FirstOrDefault();
        var gaps = new[] { (await nodes.ConfigureAwait(false)).Gap, (await awsNode.ConfigureAwait(false)).Gap, (await instance.ConfigureAwait(false)).Gap, subnetRead?.Gap }
            .OfType<EvidenceGap>().ToList();
        if (subnet is null && gaps.Count == 0)
        {
            gaps.Add(new EvidenceGap("ec2", "DescribeSubnets", GapReason.NotFound, $"the subnet of node {pod.NodeName} was not found: no EC2 instance has its address {pod.HostIp ?? "(unknown)"}"));
        }

        return new PodNetwork(node, subnet, (await awsNode.ConfigureAwait(false)).Value, gaps);
    }

    /// <summary>Playbook 10's early read: for a pod waiting in ContainerCreating, its node's instance.</summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        atHand.Pod.ContainerStatuses.Any(c => c.WaitingReason == "ContainerCreating")
            ? InstanceAsync(evidence, atHand.Cluster, atHand.Pod, cancellationToken) ?? Task.CompletedTask
            : Task.CompletedTask;

    /// <summary>The pod's node's instance, by the pod's hostIP; triage asks the same question early for a pod waiting in ContainerCreating.</summary>
    public static Task<EvidenceResult<IReadOnlyList<Ec2Instance>>>? InstanceAsync(IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken) =>
        pod.HostIp is { } ip ? evidence.Network.DescribeInstancesByPrivateIpAsync(ip, ScopeOf(evidence, cluster), cancellationToken) : null;

    // The node's subnet is its instance's: EC2 is never asked for subnets without an id (that lists every one). Started
    // as soon as the instance is known (triage may have asked for it already), beside the Kubernetes reads.
    private static async Task<EvidenceResult<IReadOnlyList<Subnet>>?> SubnetOfAsync(
        IEvidenceSource evidence, string cluster, Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> instance, CancellationToken cancellationToken) =>
        (await instance.ConfigureAwait(false)).Value?.FirstOrDefault()?.SubnetId is { } subnetId
            ? await evidence.Network.DescribeSubnetsAsync([subnetId], ScopeOf(evidence, cluster), cancellationToken).ConfigureAwait(false)
            : null;

    private static AwsScope ScopeOf(IEvidenceSource evidence, string cluster) => evidence.Kubernetes.EksClusterOf(cluster)?.Scope ?? AwsScope.Default;
}
