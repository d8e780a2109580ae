using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Network;

/// <summary>Stands in for network evidence in an IEvidenceSource that does not offer it.</summary>
internal sealed class NoNetworkEvidence : INetworkEvidence
{
    public static readonly NoNetworkEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<Subnet>>("ec2", "DescribeSubnets");

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<RouteTable>>("ec2", "DescribeRouteTables");

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<VpcEndpoint>>("ec2", "DescribeVpcEndpoints");

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<SecurityGroup>>("ec2", "DescribeSecurityGroups");
}
