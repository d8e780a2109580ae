using System.Xml.Linq;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.LoadBalancing.Wire;

/// <summary>Element names from the Elastic Load Balancing API Reference (version 2015-12-01).</summary>
internal static class ElbXmlReader
{
    public static TargetGroup TargetGroup(XElement member) => new()
    {
        TargetGroupArn = member.ChildText("TargetGroupArn") ?? string.Empty,
        TargetGroupName = member.ChildText("TargetGroupName"),
        Protocol = member.ChildText("Protocol"),
        Port = member.ChildInt("Port"),
        VpcId = member.ChildText("VpcId"),
        TargetType = member.ChildText("TargetType"),
        HealthCheckEnabled = bool.TryParse(member.ChildText("HealthCheckEnabled"), out var enabled) ? enabled : null,
        HealthCheckProtocol = member.ChildText("HealthCheckProtocol"),
        HealthCheckPort = member.ChildText("HealthCheckPort"),
        HealthCheckPath = member.ChildText("HealthCheckPath"),
        HealthCheckIntervalSeconds = member.ChildInt("HealthCheckIntervalSeconds"),
        HealthCheckTimeoutSeconds = member.ChildInt("HealthCheckTimeoutSeconds"),
        HealthyThresholdCount = member.ChildInt("HealthyThresholdCount"),
        UnhealthyThresholdCount = member.ChildInt("UnhealthyThresholdCount"),
        MatcherHttpCode = member.Child("Matcher")?.ChildText("HttpCode"),
        LoadBalancerArns = member.MemberTexts("LoadBalancerArns"),
    };

    public static TargetHealthDescription TargetHealth(XElement member)
    {
        var target = member.Child("Target");
        var health = member.Child("TargetHealth");
        return new TargetHealthDescription(
            target?.ChildText("Id") ?? string.Empty,
            target?.ChildInt("Port"),
            target?.ChildText("AvailabilityZone"),
            member.ChildText("HealthCheckPort"),
            health?.ChildText("State") ?? "unknown",
            health?.ChildText("Reason"),
            health?.ChildText("Description"));
    }

    public static LoadBalancer LoadBalancer(XElement member) => new()
    {
        LoadBalancerArn = member.ChildText("LoadBalancerArn") ?? string.Empty,
        LoadBalancerName = member.ChildText("LoadBalancerName"),
        DnsName = member.ChildText("DNSName"),
        Scheme = member.ChildText("Scheme"),
        Type = member.ChildText("Type"),
        VpcId = member.ChildText("VpcId"),
        StateCode = member.Child("State")?.ChildText("Code"),
        StateReason = member.Child("State")?.ChildText("Reason"),
        CreatedTime = member.ChildTime("CreatedTime"),
        SecurityGroups = member.MemberTexts("SecurityGroups"),
        AvailabilityZones = [.. member.Members("AvailabilityZones").Select(z => new LoadBalancerZone(z.ChildText("ZoneName") ?? string.Empty, z.ChildText("SubnetId")))],
    };

    public static IReadOnlyDictionary<string, string> Attributes(XElement result) => result.Members("Attributes")
        .Where(a => a.ChildText("Key") is not null)
        .GroupBy(a => a.ChildText("Key")!)
        .ToDictionary(g => g.Key, g => g.Last().ChildText("Value") ?? string.Empty);

    /// <summary>DescribeTagsResult: TagDescriptions.member (ResourceArn, Tags.member Key/Value); one member per ARN asked for.</summary>
    public static IReadOnlyDictionary<string, string> Tags(XElement result, string resourceArn) => result.Members("TagDescriptions")
        .Where(d => d.ChildText("ResourceArn") == resourceArn)
        .SelectMany(d => d.Members("Tags"))
        .Where(t => t.ChildText("Key") is not null)
        .GroupBy(t => t.ChildText("Key")!)
        .ToDictionary(g => g.Key, g => g.Last().ChildText("Value") ?? string.Empty);
}
