using System.Xml.Linq;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Elb;

// ELBv2 over the Query protocol, version 2015-12-01: the four describe operations DiagBot reads.
internal sealed class ElbService : IAwsService
{
    public const string Version = "2015-12-01";
    private const int MaxPageSize = 400;

    private readonly SandboxWorld _world;
    private readonly Dictionary<string, Func<AwsCall, XmlResult>> _operations;

    public ElbService(SandboxWorld world)
    {
        _world = world;
        _operations = new(StringComparer.Ordinal)
        {
            ["DescribeLoadBalancers"] = DescribeLoadBalancers,
            ["DescribeLoadBalancerAttributes"] = DescribeLoadBalancerAttributes,
            ["DescribeTargetGroups"] = DescribeTargetGroups,
            ["DescribeTargetHealth"] = DescribeTargetHealth,
        };
        Protocol = new QueryProtocol(SigningName, Version, "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/", _operations.Keys.ToHashSet());
    }

    public string SigningName => "elasticloadbalancing";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call) => _operations[call.Operation](call);

    private XmlResult DescribeLoadBalancers(AwsCall call)
    {
        var arns = QueryParameters.List(call.Form, "LoadBalancerArns.member");
        var names = QueryParameters.List(call.Form, "Names.member");
        var found = _world.Elb.LoadBalancers.Where(lb => (arns.Count == 0 || arns.Contains(lb.LoadBalancerArn)) && (names.Count == 0 || names.Contains(lb.LoadBalancerName))).ToList();
        if (found.Count < arns.Count + names.Count)
        {
            throw ElbErrors.LoadBalancerNotFound();
        }

        var (page, next) = Paging.Page(found, QueryParameters.Get(call.Form, "Marker"), PageSize(call), "ValidationError");
        return new XmlResult(E("LoadBalancers", page.Select(ElbWire.LoadBalancer)), Opt("NextMarker", next));
    }

    private XmlResult DescribeLoadBalancerAttributes(AwsCall call)
    {
        var arn = QueryParameters.Required(call.Form, "LoadBalancerArn");
        var lb = _world.Elb.LoadBalancers.FirstOrDefault(l => l.LoadBalancerArn == arn) ?? throw ElbErrors.LoadBalancerNotFound();
        return new XmlResult(E("Attributes", ElbWire.LoadBalancerAttributes(lb)));
    }

    private XmlResult DescribeTargetGroups(AwsCall call)
    {
        var lbArn = QueryParameters.Get(call.Form, "LoadBalancerArn");
        var arns = QueryParameters.List(call.Form, "TargetGroupArns.member");
        var names = QueryParameters.List(call.Form, "Names.member");
        if (lbArn is not null && _world.Elb.LoadBalancers.All(lb => lb.LoadBalancerArn != lbArn))
        {
            throw ElbErrors.LoadBalancerNotFound();
        }

        var found = _world.Elb.TargetGroups.Where(tg =>
            (lbArn is null || tg.LoadBalancerArns.Contains(lbArn))
            && (arns.Count == 0 || arns.Contains(tg.TargetGroupArn))
            && (names.Count == 0 || names.Contains(tg.TargetGroupName))).ToList();
        if (found.Count < arns.Count + names.Count)
        {
            throw ElbErrors.TargetGroupNotFound();
        }

        var (page, next) = Paging.Page(found, QueryParameters.Get(call.Form, "Marker"), PageSize(call), "ValidationError");
        return new XmlResult(E("TargetGroups", page.Select(ElbWire.TargetGroup)), Opt("NextMarker", next));
    }

    private XmlResult DescribeTargetHealth(AwsCall call)
    {
        var arn = QueryParameters.Required(call.Form, "TargetGroupArn");
        var tg = _world.Elb.TargetGroups.FirstOrDefault(t => t.TargetGroupArn == arn) ?? throw ElbErrors.TargetGroupNotFound();
        var wanted = QueryParameters.Structures(call.Form, "Targets.member").Select(t => t.GetValueOrDefault("Id")).ToList();
        var targets = tg.Targets.Where(t => wanted.Count == 0 || wanted.Contains(t.Id));
        return new XmlResult(new XElement("TargetHealthDescriptions", targets.Select(ElbWire.TargetHealth)));
    }

    private static int PageSize(AwsCall call) =>
        int.TryParse(QueryParameters.Get(call.Form, "PageSize"), out var size) ? Math.Clamp(size, 1, MaxPageSize) : MaxPageSize;
}
