using Sdk = Amazon.EC2.Model;

namespace DiagBot.Diagnostics.Network.Live;

/// <summary>From AWSSDK.EC2's models (whose lists may be null in v4) to ours.</summary>
internal static class Ec2Mapper
{
    public static NetworkInterface ToModel(Sdk.NetworkInterface eni) => new(
        eni.NetworkInterfaceId,
        eni.PrivateIpAddress,
        eni.Description,
        eni.RequesterId,
        eni.RequesterManaged,
        eni.InterfaceType?.Value,
        (eni.TagSet ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value ?? string.Empty, StringComparer.Ordinal))
    {
        SecurityGroupIds = [.. (eni.Groups ?? []).Where(g => g.GroupId is not null).Select(g => g.GroupId)],
    };

    public static Subnet ToModel(Sdk.Subnet subnet) =>
        new(subnet.SubnetId, subnet.VpcId, subnet.AvailabilityZone, subnet.CidrBlock, subnet.AvailableIpAddressCount, subnet.MapPublicIpOnLaunch);

    public static RouteTable ToModel(Sdk.RouteTable table)
    {
        var associations = table.Associations ?? [];
        return new RouteTable(
            table.RouteTableId,
            table.VpcId,
            associations.Any(a => a.Main == true),
            [.. associations.Where(a => a.SubnetId is not null).Select(a => a.SubnetId)],
            [.. (table.Routes ?? []).Select(r => new Route(
                r.DestinationCidrBlock, r.DestinationPrefixListId, r.GatewayId, r.NatGatewayId, r.TransitGatewayId,
                r.NetworkInterfaceId, r.VpcPeeringConnectionId, r.State?.Value))]);
    }

    public static VpcEndpoint ToModel(Sdk.VpcEndpoint endpoint) => new(
        endpoint.VpcEndpointId,
        endpoint.VpcId,
        endpoint.ServiceName ?? string.Empty,
        endpoint.VpcEndpointType?.Value,
        endpoint.State?.Value,
        endpoint.PrivateDnsEnabled,
        endpoint.SubnetIds ?? [],
        endpoint.RouteTableIds ?? [],
        [.. (endpoint.Groups ?? []).Select(g => g.GroupId)]);

    public static SecurityGroup ToModel(Sdk.SecurityGroup group) => new(
        group.GroupId,
        group.GroupName,
        group.VpcId,
        [.. (group.IpPermissions ?? []).Select(ToModel)],
        [.. (group.IpPermissionsEgress ?? []).Select(ToModel)]);

    public static Ec2Instance ToModel(Sdk.Instance instance) => new()
    {
        InstanceId = instance.InstanceId,
        InstanceType = instance.InstanceType?.Value,
        SubnetId = instance.SubnetId,
        VpcId = instance.VpcId,
        PrivateIpAddress = instance.PrivateIpAddress,
        Architecture = instance.Architecture?.Value,
        InstanceLifecycle = instance.InstanceLifecycle?.Value,
        State = instance.State?.Name?.Value,
        StateReasonCode = instance.StateReason?.Code,
        StateReasonMessage = instance.StateReason?.Message,
        SecurityGroupIds = [.. (instance.SecurityGroups ?? []).Select(g => g.GroupId)],
    };

    private static SecurityGroupRule ToModel(Sdk.IpPermission permission) => new(
        permission.IpProtocol ?? "-1",
        permission.FromPort,
        permission.ToPort,
        [.. (permission.Ipv4Ranges ?? []).Select(r => r.CidrIp)],
        [.. (permission.Ipv6Ranges ?? []).Select(r => r.CidrIpv6)],
        [.. (permission.UserIdGroupPairs ?? []).Select(p => p.GroupId)],
        [.. (permission.PrefixListIds ?? []).Select(p => p.Id)]);
}
