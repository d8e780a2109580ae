namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>The filter names each describe call accepts, with the values a resource offers for each.</summary>
internal static class Ec2FilterNames
{
    public static IReadOnlyDictionary<string, Func<Ec2Subnet, IEnumerable<string>>> Subnets { get; } = new Dictionary<string, Func<Ec2Subnet, IEnumerable<string>>>
    {
        ["subnet-id"] = s => [s.SubnetId],
        ["vpc-id"] = s => [s.VpcId],
        ["availability-zone"] = s => [s.AvailabilityZone],
        ["cidr-block"] = s => [s.CidrBlock],
        ["state"] = _ => ["available"],
        ["tag:Name"] = s => s.Name is null ? [] : [s.Name],
    };

    public static IReadOnlyDictionary<string, Func<Ec2RouteTable, IEnumerable<string>>> RouteTables { get; } = new Dictionary<string, Func<Ec2RouteTable, IEnumerable<string>>>
    {
        ["route-table-id"] = t => [t.RouteTableId],
        ["vpc-id"] = t => [t.VpcId],
        ["association.subnet-id"] = t => t.SubnetIds,
        ["association.main"] = t => [t.Main ? "true" : "false"],
        ["route.nat-gateway-id"] = t => t.Routes.Where(r => r.NatGatewayId is not null).Select(r => r.NatGatewayId!),
        ["route.gateway-id"] = t => t.Routes.Where(r => r.GatewayId is not null).Select(r => r.GatewayId!),
        ["tag:Name"] = t => t.Name is null ? [] : [t.Name],
    };

    public static IReadOnlyDictionary<string, Func<Ec2VpcEndpoint, IEnumerable<string>>> VpcEndpoints { get; } = new Dictionary<string, Func<Ec2VpcEndpoint, IEnumerable<string>>>
    {
        ["vpc-endpoint-id"] = e => [e.VpcEndpointId],
        ["vpc-id"] = e => [e.VpcId],
        ["service-name"] = e => [e.ServiceName],
        ["vpc-endpoint-type"] = e => [e.VpcEndpointType],
        ["vpc-endpoint-state"] = e => [e.State],
    };

    public static IReadOnlyDictionary<string, Func<Ec2SecurityGroup, IEnumerable<string>>> SecurityGroups { get; } = new Dictionary<string, Func<Ec2SecurityGroup, IEnumerable<string>>>
    {
        ["group-id"] = g => [g.GroupId],
        ["group-name"] = g => [g.GroupName],
        ["vpc-id"] = g => [g.VpcId],
    };

    public static IReadOnlyDictionary<string, Func<Ec2NetworkInterface, IEnumerable<string>>> NetworkInterfaces { get; } = new Dictionary<string, Func<Ec2NetworkInterface, IEnumerable<string>>>
    {
        ["network-interface-id"] = n => [n.NetworkInterfaceId],
        ["addresses.private-ip-address"] = n => [n.PrivateIpAddress],
        ["private-ip-address"] = n => [n.PrivateIpAddress],
        ["vpc-id"] = n => [n.VpcId],
        ["subnet-id"] = n => [n.SubnetId],
        ["availability-zone"] = n => [n.AvailabilityZone],
        ["description"] = n => [n.Description],
        ["requester-managed"] = n => [n.RequesterManaged ? "true" : "false"],
        ["status"] = _ => ["in-use"],
        ["interface-type"] = n => [n.InterfaceType],
        ["group-id"] = n => n.GroupIds,
        ["attachment.instance-id"] = n => n.Attachment?.InstanceId is { } id ? [id] : [],
        ["tag:aws:ecs:clusterName"] = n => n.Tags.Where(t => t.Key == "aws:ecs:clusterName").Select(t => t.Value),
        ["tag:aws:ecs:serviceName"] = n => n.Tags.Where(t => t.Key == "aws:ecs:serviceName").Select(t => t.Value),
    };

    public static IReadOnlyDictionary<string, Func<Ec2Instance, IEnumerable<string>>> Instances { get; } = new Dictionary<string, Func<Ec2Instance, IEnumerable<string>>>
    {
        ["instance-id"] = i => [i.InstanceId],
        ["instance-lifecycle"] = i => i.Lifecycle is null ? [] : [i.Lifecycle],
        ["instance-state-name"] = i => [i.State],
        ["private-ip-address"] = i => [i.PrivateIpAddress],
        ["subnet-id"] = i => [i.SubnetId],
        ["vpc-id"] = i => [i.VpcId],
    };
}
