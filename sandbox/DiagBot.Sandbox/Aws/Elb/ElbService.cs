using System.Xml.Linq;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Elb;

/// <summary>ELBv2 over the Query protocol, version 2015-12-01: the describe operations DiagBot reads.</summary>
internal sealed class ElbService : IAwsService
{
    public const string Version = "2015-12-01";
    private const int MaxPageSize = 400;
    private const int MaxTaggedResources = 20;

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
            ["DescribeListeners"] = DescribeListeners,
            ["DescribeRules"] = DescribeRules,
            ["DescribeTags"] = DescribeTags,
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
            (lbArn is null || _world.Elb.LoadBalancersForwardingTo(tg.TargetGroupArn).Contains(lbArn))
            && (arns.Count == 0 || arns.Contains(tg.TargetGroupArn))
            && (names.Count == 0 || names.Contains(tg.TargetGroupName))).ToList();
        if (found.Count < arns.Count + names.Count)
        {
            throw ElbErrors.TargetGroupNotFound();
        }

        var (page, next) = Paging.Page(found, QueryParameters.Get(call.Form, "Marker"), PageSize(call), "ValidationError");
        return new XmlResult(E("TargetGroups", page.Select(tg => ElbWire.TargetGroup(tg, _world.Elb.LoadBalancersForwardingTo(tg.TargetGroupArn)))), Opt("NextMarker", next));
    }

    private XmlResult DescribeTargetHealth(AwsCall call)
    {
        var arn = QueryParameters.Required(call.Form, "TargetGroupArn");
        var tg = _world.Elb.TargetGroups.FirstOrDefault(t => t.TargetGroupArn == arn) ?? throw ElbErrors.TargetGroupNotFound();
        var wanted = QueryParameters.Structures(call.Form, "Targets.member").Select(t => t.GetValueOrDefault("Id")).ToList();
        var targets = tg.Targets.Where(t => wanted.Count == 0 || wanted.Contains(t.Id));
        return new XmlResult(new XElement("TargetHealthDescriptions", targets.Select(ElbWire.TargetHealth)));
    }

    private XmlResult DescribeListeners(AwsCall call)
    {
        var lbArn = QueryParameters.Get(call.Form, "LoadBalancerArn");
        var arns = QueryParameters.List(call.Form, "ListenerArns.member");
        if (lbArn is not null && _world.Elb.LoadBalancers.All(lb => lb.LoadBalancerArn != lbArn))
        {
            throw ElbErrors.LoadBalancerNotFound();
        }

        var found = _world.Elb.Listeners.Where(l => (lbArn is null || l.LoadBalancerArn == lbArn) && (arns.Count == 0 || arns.Contains(l.ListenerArn))).ToList();
        if (found.Count < arns.Count)
        {
            throw ElbErrors.ListenerNotFound();
        }

        var (page, next) = Paging.Page(found, QueryParameters.Get(call.Form, "Marker"), PageSize(call), "ValidationError");
        return new XmlResult(E("Listeners", page.Select(ElbListenerWire.Listener)), Opt("NextMarker", next));
    }

    // A listener's rules by priority, then its default rule; or the rules named by ARN.
    private XmlResult DescribeRules(AwsCall call)
    {
        var listenerArn = QueryParameters.Get(call.Form, "ListenerArn");
        var arns = QueryParameters.List(call.Form, "RuleArns.member");
        var listeners = _world.Elb.Listeners.Where(l => listenerArn is null || l.ListenerArn == listenerArn).ToList();
        if (listenerArn is not null && listeners.Count == 0)
        {
            throw ElbErrors.ListenerNotFound();
        }

        var rules = listeners.SelectMany(l => _world.Elb.Rules.Where(r => r.ListenerArn == l.ListenerArn).OrderBy(r => r.Priority)
                .Select(r => (Arn: r.RuleArn, Xml: ElbListenerWire.Rule(r)))
                .Append((Arn: l.DefaultRuleArn, Xml: ElbListenerWire.DefaultRule(l))))
            .Where(r => arns.Count == 0 || arns.Contains(r.Arn))
            .ToList();
        if (rules.Count < arns.Count)
        {
            throw ElbErrors.RuleNotFound();
        }

        var (page, next) = Paging.Page(rules, QueryParameters.Get(call.Form, "Marker"), PageSize(call), "ValidationError");
        return new XmlResult(E("Rules", page.Select(r => r.Xml)), Opt("NextMarker", next));
    }

    // Up to 20 resources of any ELBv2 kind; an ARN naming nothing fails the call with the not-found error of its kind.
    private XmlResult DescribeTags(AwsCall call)
    {
        var arns = QueryParameters.List(call.Form, "ResourceArns.member");
        // AWS's request validation wording for a required list left out or too long (as QueryParameters.Required words the first).
        if (arns.Count is 0 or > MaxTaggedResources)
        {
            throw new AwsException("ValidationError", arns.Count == 0
                ? "1 validation error detected: Value null at 'resourceArns' failed to satisfy constraint: Member must not be null"
                : "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: "
                    + $"Member must have length less than or equal to {MaxTaggedResources}");
        }

        return new XmlResult(E("TagDescriptions", arns.Select(arn => ElbWire.TagDescription(arn, TagsOf(arn)))));
    }

    private IReadOnlyList<(string Key, string Value)> TagsOf(string arn)
    {
        if (_world.Elb.TargetGroups.FirstOrDefault(tg => tg.TargetGroupArn == arn) is { } group)
        {
            return group.Tags;
        }

        // The sandbox tags only target groups; its other resources answer with no tags, as AWS does for untagged ones.
        var kind = arn.Split(':') is { Length: 6 } parts ? parts[5].Split('/')[0] : string.Empty;
        var exists = kind switch
        {
            "loadbalancer" => _world.Elb.LoadBalancers.Any(lb => lb.LoadBalancerArn == arn),
            "listener" => _world.Elb.Listeners.Any(l => l.ListenerArn == arn),
            "listener-rule" => _world.Elb.Rules.Any(r => r.RuleArn == arn) || _world.Elb.Listeners.Any(l => l.DefaultRuleArn == arn),
            _ => false,
        };
        return exists ? [] : throw kind switch
        {
            "loadbalancer" => ElbErrors.LoadBalancerNotFound(),
            "listener" => ElbErrors.ListenerNotFound(),
            "listener-rule" => ElbErrors.RuleNotFound(),
            _ => ElbErrors.TargetGroupNotFound(),
        };
    }

    private static int PageSize(AwsCall call) =>
        int.TryParse(QueryParameters.Get(call.Form, "PageSize"), out var size) ? Math.Clamp(size, 1, MaxPageSize) : MaxPageSize;
}
