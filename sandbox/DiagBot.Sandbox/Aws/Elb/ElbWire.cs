using System.Xml.Linq;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Elb;

/// <summary>Shapes ELBv2 resources into the 2015-12-01 XML members.</summary>
internal static class ElbWire
{
    public static XElement LoadBalancer(ElbLoadBalancer lb) => E("member",
        E("LoadBalancerArn", lb.LoadBalancerArn),
        E("DNSName", lb.DnsName),
        E("CanonicalHostedZoneId", "Z35SXDOTRQ7X7K"),
        E("CreatedTime", lb.CreatedTime),
        E("LoadBalancerName", lb.LoadBalancerName),
        E("Scheme", lb.Scheme),
        E("VpcId", lb.VpcId),
        E("State", E("Code", "active")),
        E("Type", lb.Type),
        E("AvailabilityZones", lb.AvailabilityZones.Select(z => E("member", E("ZoneName", z.Zone), E("SubnetId", z.SubnetId), E("LoadBalancerAddresses")))),
        Members("SecurityGroups", lb.SecurityGroups),
        E("IpAddressType", "ipv4"));

    public static XElement TargetGroup(ElbTargetGroup tg, IReadOnlyList<string> loadBalancerArns) => E("member",
        E("TargetGroupArn", tg.TargetGroupArn),
        E("TargetGroupName", tg.TargetGroupName),
        E("Protocol", tg.Protocol),
        E("Port", tg.Port),
        E("VpcId", tg.VpcId),
        E("HealthCheckProtocol", tg.Protocol),
        E("HealthCheckPort", tg.HealthCheckPort),
        E("HealthCheckEnabled", true),
        E("HealthCheckIntervalSeconds", tg.HealthCheckIntervalSeconds),
        E("HealthCheckTimeoutSeconds", tg.HealthCheckTimeoutSeconds),
        E("HealthyThresholdCount", 5),
        E("UnhealthyThresholdCount", 2),
        E("HealthCheckPath", tg.HealthCheckPath),
        E("Matcher", E("HttpCode", tg.Matcher)),
        Members("LoadBalancerArns", loadBalancerArns),
        E("TargetType", tg.TargetType),
        E("ProtocolVersion", "HTTP1"),
        E("IpAddressType", "ipv4"));

    public static XElement TargetHealth(ElbTargetHealth target) => E("member",
        E("Target", E("Id", target.Id), E("Port", target.Port), Opt("AvailabilityZone", target.AvailabilityZone)),
        E("HealthCheckPort", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        E("TargetHealth", E("State", target.State), Opt("Reason", target.Reason), Opt("Description", target.Description)));

    /// <summary>TagDescription: the resource's ARN and its tags, an empty Tags list for a resource that has none.</summary>
    public static XElement TagDescription(string resourceArn, IReadOnlyList<(string Key, string Value)> tags) => E("member",
        E("ResourceArn", resourceArn),
        E("Tags", tags.Select(t => E("member", E("Key", t.Key), E("Value", t.Value)))));

    public static IEnumerable<XElement> LoadBalancerAttributes(ElbLoadBalancer lb) =>
    [
        Attribute("idle_timeout.timeout_seconds", lb.IdleTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Attribute("deletion_protection.enabled", "false"),
        Attribute("routing.http2.enabled", "true"),
        Attribute("access_logs.s3.enabled", "false"),
        Attribute("routing.http.drop_invalid_header_fields.enabled", "false"),
    ];

    private static XElement Attribute(string key, string value) => E("member", E("Key", key), E("Value", value));
}
