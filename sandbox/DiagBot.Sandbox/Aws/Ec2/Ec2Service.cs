using System.Xml.Linq;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>EC2 over the EC2 Query protocol, version 2016-11-15: the network describes DiagBot reads, with ids, filters and paging.</summary>
internal sealed class Ec2Service : IAwsService
{
    public const string Version = "2016-11-15";

    private readonly SandboxWorld _world;
    private readonly TaskNetworkInterfaces _interfaces;
    private readonly Dictionary<string, Func<AwsCall, XmlResult>> _operations;

    public Ec2Service(SandboxWorld world)
    {
        _world = world;
        _interfaces = new TaskNetworkInterfaces(world);
        _operations = new(StringComparer.Ordinal)
        {
            ["DescribeSubnets"] = DescribeSubnets,
            ["DescribeRouteTables"] = DescribeRouteTables,
            ["DescribeVpcEndpoints"] = DescribeVpcEndpoints,
            ["DescribeSecurityGroups"] = DescribeSecurityGroups,
            ["DescribeNetworkInterfaces"] = DescribeNetworkInterfaces,
            ["DescribeInstances"] = DescribeInstances,
        };
        Protocol = new Ec2QueryProtocol(SigningName, Version, _operations.Keys.ToHashSet());
    }

    public string SigningName => "ec2";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call) => _operations[call.Operation](call);

    private XmlResult DescribeSubnets(AwsCall call)
    {
        var subnets = ById(_world.Ec2.Subnets, call, "SubnetId", s => s.SubnetId, id => $"The subnet ID '{id}' does not exist", "InvalidSubnetID.NotFound");
        var filtered = Ec2Filters.Apply(subnets, call, Ec2FilterNames.Subnets);
        return Page(call, "subnetSet", filtered, s => Ec2Wire.Subnet(s, _world.Options));
    }

    private XmlResult DescribeRouteTables(AwsCall call)
    {
        var tables = ById(_world.Ec2.RouteTables, call, "RouteTableId", t => t.RouteTableId, id => $"The routeTable ID '{id}' does not exist", "InvalidRouteTableID.NotFound");
        var filtered = Ec2Filters.Apply(tables, call, Ec2FilterNames.RouteTables);
        return Page(call, "routeTableSet", filtered, t => Ec2Wire.RouteTable(t, _world.Options));
    }

    private XmlResult DescribeVpcEndpoints(AwsCall call)
    {
        var endpoints = ById(_world.Ec2.VpcEndpoints, call, "VpcEndpointId", e => e.VpcEndpointId, id => $"The Vpc Endpoint Id '{id}' does not exist", "InvalidVpcEndpointId.NotFound");
        var filtered = Ec2Filters.Apply(endpoints, call, Ec2FilterNames.VpcEndpoints);
        return Page(call, "vpcEndpointSet", filtered, e => Ec2Wire.VpcEndpoint(e, _world.Options));
    }

    private XmlResult DescribeSecurityGroups(AwsCall call)
    {
        var groups = ById(_world.Ec2.SecurityGroups, call, "GroupId", g => g.GroupId, id => $"The security group '{id}' does not exist", "InvalidGroup.NotFound");
        var filtered = Ec2Filters.Apply(groups, call, Ec2FilterNames.SecurityGroups);
        return Page(call, "securityGroupInfo", filtered, g => Ec2Wire.SecurityGroup(g, _world.Options));
    }

    private XmlResult DescribeNetworkInterfaces(AwsCall call)
    {
        // EC2 refuses paging a list of named interfaces, in these words (cilium/cilium#39106, a real EKS account's reply to
        // aws-sdk-go-v2); the API reference: "You cannot specify this parameter and the network interface IDs parameter in the same request".
        RefuseIdsWithMaxResults(call, "NetworkInterfaceId", "The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults");
        var interfaces = ById([.. _interfaces.All, .. _world.Ec2.NetworkInterfaces], call, "NetworkInterfaceId", n => n.NetworkInterfaceId,
            id => $"The networkInterface ID '{id}' does not exist", "InvalidNetworkInterfaceID.NotFound");
        var filtered = Ec2Filters.Apply(interfaces, call, Ec2FilterNames.NetworkInterfaces);
        var names = _world.Ec2.SecurityGroups.ToDictionary(g => g.GroupId, g => g.GroupName, StringComparer.Ordinal);
        return Page(call, "networkInterfaceSet", filtered, n => Ec2Wire.NetworkInterface(n, _world.Options, names));
    }

    private XmlResult DescribeInstances(AwsCall call)
    {
        // EC2 refuses paging a list of named instances: "The parameter instancesSet cannot be used with the parameter maxResults".
        RefuseIdsWithMaxResults(call, "InstanceId", "The parameter instancesSet cannot be used with the parameter maxResults");

        var instances = ById(_world.Ec2.Instances, call, "InstanceId", i => i.InstanceId, id => $"The instance ID '{id}' does not exist", "InvalidInstanceID.NotFound");
        var filtered = Ec2Filters.Apply(instances, call, Ec2FilterNames.Instances);
        return Page(call, "reservationSet", filtered, i => Ec2Wire.Reservation(i, _world.Options));
    }

    // "If you call a describe API action with both a list of IDs and MaxResults, the request fails with the error
    // InvalidParameterCombination" (EC2 API reference, Pagination); each action words its message after its own parameter.
    private static void RefuseIdsWithMaxResults(AwsCall call, string idParameter, string message)
    {
        if (QueryParameters.List(call.Form, idParameter).Count > 0 && QueryParameters.Get(call.Form, "MaxResults") is not null)
        {
            throw new AwsException("InvalidParameterCombination", message);
        }
    }

    // Asking for an id that does not exist is an error in EC2, unlike a filter that matches nothing.
    private static IEnumerable<T> ById<T>(IReadOnlyList<T> items, AwsCall call, string parameter, Func<T, string> id, Func<string, string> message, string code)
    {
        var ids = QueryParameters.List(call.Form, parameter);
        if (ids.Count == 0)
        {
            return items;
        }

        var missing = ids.FirstOrDefault(wanted => items.All(item => id(item) != wanted));
        return missing is null ? items.Where(item => ids.Contains(id(item))) : throw new AwsException(code, message(missing));
    }

    private static XmlResult Page<T>(AwsCall call, string setName, IEnumerable<T> items, Func<T, XElement> shape)
    {
        var size = int.TryParse(QueryParameters.Get(call.Form, "MaxResults"), out var max) ? Math.Clamp(max, 5, 1000) : 1000;
        var (page, next) = Paging.Page(items.ToList(), QueryParameters.Get(call.Form, "NextToken"), size, "InvalidParameterValue");
        return new XmlResult(E(setName, page.Select(shape)), Opt("nextToken", next));
    }
}
