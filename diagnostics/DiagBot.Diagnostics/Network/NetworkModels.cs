namespace DiagBot.Diagnostics.Network;

/// <summary>The fields of an EC2 subnet that diagnoses read.</summary>
public sealed record Subnet(string SubnetId, string? VpcId, string? AvailabilityZone, string? CidrBlock, int? AvailableIpAddressCount, bool? MapPublicIpOnLaunch);

/// <summary>A route table with its subnet associations; Main is the VPC's default for subnets without one.</summary>
public sealed record RouteTable(string RouteTableId, string? VpcId, bool IsMain, IReadOnlyList<string> AssociatedSubnetIds, IReadOnlyList<Route> Routes)
{
    /// <summary>The table a subnet uses: its explicit association, else the VPC's main table.</summary>
    public static RouteTable? EffectiveFor(string subnetId, IEnumerable<RouteTable> tablesOfTheVpc)
    {
        var tables = tablesOfTheVpc.ToList();
        return tables.FirstOrDefault(t => t.AssociatedSubnetIds.Contains(subnetId)) ?? tables.FirstOrDefault(t => t.IsMain);
    }
}

/// <summary>One route; exactly one of the target ids is set (igw-/vgw-/vpce- in GatewayId, nat- in NatGatewayId, ...).</summary>
public sealed record Route(
    string? DestinationCidrBlock,
    string? DestinationPrefixListId,
    string? GatewayId,
    string? NatGatewayId,
    string? TransitGatewayId,
    string? NetworkInterfaceId,
    string? VpcPeeringConnectionId,
    string? State);

/// <summary>A VPC endpoint: Interface endpoints sit in subnets, Gateway endpoints (S3, DynamoDB) in route tables.</summary>
public sealed record VpcEndpoint(
    string VpcEndpointId,
    string? VpcId,
    string ServiceName,
    string? VpcEndpointType,
    string? State,
    bool? PrivateDnsEnabled,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> RouteTableIds,
    IReadOnlyList<string> SecurityGroupIds);

public sealed record SecurityGroup(string GroupId, string? GroupName, string? VpcId, IReadOnlyList<SecurityGroupRule> Ingress, IReadOnlyList<SecurityGroupRule> Egress);

/// <summary>One permission: protocol "-1" means all, and then the ports are null.</summary>
public sealed record SecurityGroupRule(
    string IpProtocol,
    int? FromPort,
    int? ToPort,
    IReadOnlyList<string> Ipv4Ranges,
    IReadOnlyList<string> Ipv6Ranges,
    IReadOnlyList<string> SourceSecurityGroupIds,
    IReadOnlyList<string> PrefixListIds)
{
    public bool AllowsPort(int port) => IpProtocol == "-1" || (FromPort <= port && port <= ToPort);
}
