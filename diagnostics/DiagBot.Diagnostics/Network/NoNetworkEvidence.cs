using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Network;

/// <summary>Stands in for network evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoNetworkEvidence : INetworkEvidence
{
    public static readonly NoNetworkEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(
        IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<Subnet>>("ec2", "DescribeSubnets");

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<RouteTable>>("ec2", "DescribeRouteTables");

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<VpcEndpoint>>("ec2", "DescribeVpcEndpoints");

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(
        IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<SecurityGroup>>("ec2", "DescribeSecurityGroups");

    public Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesByAddressAsync(
        IReadOnlyList<string> privateIps, string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<NetworkInterface>>("ec2", "DescribeNetworkInterfaces");

    public Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesAsync(
        IReadOnlyList<string> networkInterfaceIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<NetworkInterface>>("ec2", "DescribeNetworkInterfaces");

    public Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesAsync(
        IReadOnlyList<string> instanceIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<Ec2Instance>>("ec2", "DescribeInstances");

    public Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesByPrivateIpAsync(
        string privateIp, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<Ec2Instance>>("ec2", "DescribeInstances");
}
