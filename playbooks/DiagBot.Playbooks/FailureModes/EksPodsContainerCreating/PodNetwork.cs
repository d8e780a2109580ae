using System.Net;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The pod's node, the subnet that node's IP sits in, and the VPC CNI's settings, read in parallel.</summary>
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
        var subnets = evidence.Network.DescribeSubnetsAsync([], AwsScope.Default, cancellationToken);
        await Task.WhenAll(nodes, awsNode, subnets).ConfigureAwait(false);

        var node = (await nodes.ConfigureAwait(false)).Value?.FirstOrDefault(n => n.Name == pod.NodeName);
        var subnet = node is null ? null : (await subnets.ConfigureAwait(false)).Value?.FirstOrDefault(s => node.InternalIps.Any(ip => Contains(s.CidrBlock, ip)));
        var gaps = new[] { (await nodes.ConfigureAwait(false)).Gap, (await awsNode.ConfigureAwait(false)).Gap, (await subnets.ConfigureAwait(false)).Gap }.OfType<EvidenceGap>().ToList();
        return new PodNetwork(node, subnet, (await awsNode.ConfigureAwait(false)).Value, gaps);
    }

    private static bool Contains(string? cidr, string ip)
    {
        if (cidr?.Split('/') is not [var network, var bits] || !IPAddress.TryParse(network, out var net) || !IPAddress.TryParse(ip, out var address)
            || !int.TryParse(bits, out var prefix) || net.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        return IPNetwork.Parse($"{net}/{prefix}").Contains(address);
    }
}
