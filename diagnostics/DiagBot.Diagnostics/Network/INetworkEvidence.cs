using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Network;

/// <summary>What diagnoses read from the VPC (EC2 API). Failures come back as gaps, never as exceptions.</summary>
public interface INetworkEvidence
{
    Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>Every route table of the VPC; <see cref="RouteTable.EffectiveFor"/> picks a subnet's.</summary>
    Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(
        IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The interfaces holding these private addresses in one VPC (filters addresses.private-ip-address and vpc-id), in one
    /// call however large the account: how an `ip` target is traced to the task and service behind it.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesByAddressAsync(
        IReadOnlyList<string> privateIps, string vpcId, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The interfaces with these ids (DescribeNetworkInterfaces, NetworkInterfaceId.N), with their security groups: a pod's
    /// branch interface, named by the VPC CNI's vpc.amazonaws.com/pod-eni annotation.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesAsync(
        IReadOnlyList<string> networkInterfaceIds, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>The instances behind nodes (their providerID names them): subnet, security groups, Spot or not, state.</summary>
    Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesAsync(
        IReadOnlyList<string> instanceIds, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>The instance with this private IP (DescribeInstances, filter private-ip-address): a pod's hostIP names its node's instance.</summary>
    Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesByPrivateIpAsync(string privateIp, AwsScope scope, CancellationToken cancellationToken);
}
