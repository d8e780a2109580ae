namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>The network resources DiagBot reads, as the EC2 API (2016-11-15) describes them.</summary>
internal sealed record Ec2Subnet(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone, int AvailableIpAddressCount, bool MapPublicIpOnLaunch = false, string? Name = null);

/// <summary>A route's target is one of an internet gateway, a NAT gateway, or a gateway endpoint (with a prefix list destination).</summary>
internal sealed record Ec2Route(string Destination, string? GatewayId = null, string? NatGatewayId = null, string? DestinationPrefixListId = null, string State = "active");

internal sealed record Ec2RouteTable(string RouteTableId, string VpcId, IReadOnlyList<Ec2Route> Routes, IReadOnlyList<string> SubnetIds, bool Main = false, string? Name = null);

internal sealed record Ec2VpcEndpoint(
    string VpcEndpointId, string VpcId, string ServiceName, string VpcEndpointType,
    IReadOnlyList<string> SubnetIds, IReadOnlyList<string> RouteTableIds, IReadOnlyList<string> GroupIds, DateTimeOffset CreatedAt, string State = "available");

/// <summary>One inbound or outbound rule: a port range from CIDR ranges or from other security groups.</summary>
internal sealed record Ec2Permission(string IpProtocol, int FromPort, int ToPort, IReadOnlyList<string> CidrRanges, IReadOnlyList<string> SourceGroupIds);

internal sealed record Ec2SecurityGroup(string GroupId, string GroupName, string Description, string VpcId, IReadOnlyList<Ec2Permission> Ingress, IReadOnlyList<Ec2Permission> Egress);
