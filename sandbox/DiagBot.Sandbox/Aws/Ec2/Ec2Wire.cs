using System.Xml.Linq;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>Shapes EC2 resources into the lower-camel-case &lt;item&gt; XML the EC2 Query protocol uses.</summary>
internal static class Ec2Wire
{
    public static XElement Subnet(Ec2Subnet s, SandboxOptions o) => E("item",
        E("subnetId", s.SubnetId),
        E("subnetArn", $"arn:aws:ec2:{o.Region}:{o.AccountId}:subnet/{s.SubnetId}"),
        E("state", "available"),
        E("ownerId", o.AccountId),
        E("vpcId", s.VpcId),
        E("cidrBlock", s.CidrBlock),
        E("ipv6CidrBlockAssociationSet"),
        E("availableIpAddressCount", s.AvailableIpAddressCount),
        E("availabilityZone", s.AvailabilityZone),
        E("availabilityZoneId", "use1-az" + (s.AvailabilityZone[^1] - 'a' + 1)),
        E("defaultForAz", false),
        E("mapPublicIpOnLaunch", s.MapPublicIpOnLaunch),
        Tags(s.Name));

    public static XElement RouteTable(Ec2RouteTable t, SandboxOptions o) => E("item",
        E("routeTableId", t.RouteTableId),
        E("vpcId", t.VpcId),
        E("ownerId", o.AccountId),
        E("routeSet", t.Routes.Select(r => E("item",
            r.DestinationPrefixListId is null ? E("destinationCidrBlock", r.Destination) : E("destinationPrefixListId", r.DestinationPrefixListId),
            Opt("gatewayId", r.GatewayId),
            Opt("natGatewayId", r.NatGatewayId),
            E("state", r.State),
            E("origin", r.GatewayId == "local" ? "CreateRouteTable" : "CreateRoute")))),
        E("associationSet",
            t.Main ? E("item", E("routeTableAssociationId", "rtbassoc-" + t.RouteTableId[4..]), E("routeTableId", t.RouteTableId), E("main", true), E("associationState", E("state", "associated"))) : null,
            t.SubnetIds.Select(subnet => E("item",
                E("routeTableAssociationId", "rtbassoc-" + subnet[7..]),
                E("routeTableId", t.RouteTableId),
                E("subnetId", subnet),
                E("main", false),
                E("associationState", E("state", "associated"))))),
        E("propagatingVgwSet"),
        Tags(t.Name));

    public static XElement VpcEndpoint(Ec2VpcEndpoint e, SandboxOptions o) => E("item",
        E("vpcEndpointId", e.VpcEndpointId),
        E("vpcEndpointType", e.VpcEndpointType),
        E("vpcId", e.VpcId),
        E("serviceName", e.ServiceName),
        E("state", e.State),
        E("routeTableIdSet", e.RouteTableIds.Select(id => E("item", id))),
        E("subnetIdSet", e.SubnetIds.Select(id => E("item", id))),
        E("groupSet", e.GroupIds.Select(id => E("item", E("groupId", id), E("groupName", "vpce-" + id[3..])))),
        E("privateDnsEnabled", e.VpcEndpointType == "Interface"),
        E("requesterManaged", false),
        E("networkInterfaceIdSet", e.SubnetIds.Select(id => E("item", "eni-" + id[7..]))),
        E("creationTimestamp", e.CreatedAt),
        E("ownerId", o.AccountId));

    public static XElement SecurityGroup(Ec2SecurityGroup g, SandboxOptions o) => E("item",
        E("ownerId", o.AccountId),
        E("groupId", g.GroupId),
        E("groupName", g.GroupName),
        E("groupDescription", g.Description),
        E("vpcId", g.VpcId),
        E("ipPermissions", g.Ingress.Select(p => Permission(p, o))),
        E("ipPermissionsEgress", g.Egress.Select(p => Permission(p, o))),
        E("securityGroupArn", $"arn:aws:ec2:{o.Region}:{o.AccountId}:security-group/{g.GroupId}"));

    /// <summary>
    /// An interface with its groups (groupSet: groupId and groupName, EC2 API reference GroupIdentifier); an ECS task's is
    /// requester-managed with the task's attachment ARN as its description, a branch interface has no attachment.
    /// </summary>
    public static XElement NetworkInterface(Ec2NetworkInterface n, SandboxOptions o, IReadOnlyDictionary<string, string> groupNames) => E("item",
        E("networkInterfaceId", n.NetworkInterfaceId),
        E("subnetId", n.SubnetId),
        E("vpcId", n.VpcId),
        E("availabilityZone", n.AvailabilityZone),
        E("description", n.Description),
        E("ownerId", o.AccountId),
        E("requesterManaged", n.RequesterManaged),
        E("status", "in-use"),
        E("macAddress", n.MacAddress),
        E("privateIpAddress", n.PrivateIpAddress),
        E("privateDnsName", $"ip-{n.PrivateIpAddress.Replace('.', '-')}.ec2.internal"),
        E("sourceDestCheck", true),
        E("interfaceType", n.InterfaceType),
        E("groupSet", n.GroupIds.Select(id => E("item", E("groupId", id), E("groupName", groupNames.GetValueOrDefault(id, id))))),
        n.Attachment is not { } at ? null : E("attachment", E("attachmentId", (at.InstanceId is null ? "ela-attach-" : "eni-attach-") + n.NetworkInterfaceId[4..]),
            Opt("instanceId", at.InstanceId), Opt("instanceOwnerId", at.InstanceId is null ? null : o.AccountId), E("deviceIndex", at.DeviceIndex),
            E("networkCardIndex", 0), E("status", "attached"), E("deleteOnTermination", at.InstanceId is not null)),
        E("tagSet", n.Tags.Select(t => E("item", E("key", t.Key), E("value", t.Value)))),
        E("privateIpAddressesSet", E("item", E("privateIpAddress", n.PrivateIpAddress), E("privateDnsName", $"ip-{n.PrivateIpAddress.Replace('.', '-')}.ec2.internal"), E("primary", true))),
        E("ipv6AddressesSet"));

    /// <summary>One reservation per instance, as a RunInstances of one would make; stateReason only once the instance stops or ends.</summary>
    public static XElement Reservation(Ec2Instance i, SandboxOptions o) => E("item",
        E("reservationId", "r-" + i.InstanceId[2..]),
        E("ownerId", o.AccountId),
        E("groupSet"),
        E("instancesSet", E("item",
            E("instanceId", i.InstanceId),
            E("imageId", i.Architecture == "arm64" ? "ami-0a7d3f4c2e9b8a601" : "ami-0c1e5b9d7f3a2e402"),
            E("instanceState", E("code", StateCode(i.State)), E("name", i.State)),
            E("privateDnsName", $"ip-{i.PrivateIpAddress.Replace('.', '-')}.ec2.internal"),
            E("dnsName"),
            E("reason", i.StateReasonMessage is null ? null : $"{i.StateReasonCode}: {i.StateReasonMessage}"),
            E("amiLaunchIndex", 0),
            E("instanceType", i.InstanceType),
            E("launchTime", i.LaunchTime),
            E("placement", E("availabilityZone", i.AvailabilityZone), E("groupName"), E("tenancy", "default")),
            E("monitoring", E("state", "disabled")),
            i.State == "terminated" ? null : E("subnetId", i.SubnetId),
            i.State == "terminated" ? null : E("vpcId", i.VpcId),
            i.State == "terminated" ? null : E("privateIpAddress", i.PrivateIpAddress),
            E("groupSet", i.GroupIds.Select(id => E("item", E("groupId", id), E("groupName", "eks-node-" + id[3..])))),
            E("architecture", i.Architecture),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", "/dev/xvda"),
            E("virtualizationType", "hvm"),
            Opt("instanceLifecycle", i.Lifecycle),
            i.StateReasonCode is null ? null : E("stateReason", E("code", i.StateReasonCode), E("message", i.StateReasonMessage)),
            E("hypervisor", "xen"),
            E("ebsOptimized", true),
            E("enaSupport", true))));

    // The instance state codes of the EC2 API Reference's InstanceState.
    private static int StateCode(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };

    // "-1" means every protocol; such rules carry no port range on the wire.
    private static XElement Permission(Ec2Permission p, SandboxOptions o) => E("item",
        E("ipProtocol", p.IpProtocol),
        p.IpProtocol == "-1" ? null : E("fromPort", p.FromPort),
        p.IpProtocol == "-1" ? null : E("toPort", p.ToPort),
        E("groups", p.SourceGroupIds.Select(id => E("item", E("userId", o.AccountId), E("groupId", id)))),
        E("ipRanges", p.CidrRanges.Select(cidr => E("item", E("cidrIp", cidr)))),
        E("ipv6Ranges"),
        E("prefixListIds"));

    private static XElement Tags(string? name) => E("tagSet", name is null ? null : E("item", E("key", "Name"), E("value", name)));
}
