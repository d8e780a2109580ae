using System.Globalization;
using System.Xml.Linq;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Elb;

/// <summary>
/// Shapes listeners, rules and actions into the 2015-12-01 XML members (Elastic Load Balancing API Reference: Listener, Rule,
/// Action, ForwardActionConfig, RuleCondition).
/// </summary>
internal static class ElbListenerWire
{
    public static XElement Listener(ElbListener listener) => E("member",
        E("LoadBalancerArn", listener.LoadBalancerArn),
        E("Protocol", listener.Protocol),
        E("Port", listener.Port),
        E("ListenerArn", listener.ListenerArn),
        listener.Protocol == "HTTPS" ? E("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06") : null,
        E("DefaultActions", listener.DefaultActions.Select(Action)));

    public static XElement Rule(ElbRule rule) => E("member",
        E("RuleArn", rule.RuleArn),
        E("Priority", rule.Priority.ToString(CultureInfo.InvariantCulture)),
        E("Conditions", rule.Conditions.Select(Condition)),
        E("Actions", rule.Actions.Select(Action)),
        E("IsDefault", false));

    public static XElement DefaultRule(ElbListener listener) => E("member",
        E("RuleArn", listener.DefaultRuleArn),
        E("Priority", "default"),
        new XElement("Conditions"),
        E("Actions", listener.DefaultActions.Select(Action)),
        E("IsDefault", true));

    private static XElement Action(ElbAction action, int index) => E("member",
        E("Type", action.Type),
        action.TargetGroups.Count == 1 ? E("TargetGroupArn", action.TargetGroups[0].TargetGroupArn) : null,
        action.Type == "forward"
            ? E("ForwardConfig",
                E("TargetGroups", action.TargetGroups.Select(g => E("member", E("TargetGroupArn", g.TargetGroupArn), E("Weight", g.Weight)))),
                E("TargetGroupStickinessConfig", E("Enabled", false)))
            : null,
        action.RedirectPort is { } port
            ? E("RedirectConfig", E("Protocol", "HTTPS"), E("Port", port), E("Host", "#{host}"), E("Path", "/#{path}"), E("Query", "#{query}"), E("StatusCode", "HTTP_301"))
            : null,
        action.FixedResponseStatusCode is { } status ? E("FixedResponseConfig", E("StatusCode", status), E("ContentType", "text/plain")) : null,
        E("Order", index + 1));

    // The older top-level Values beside the newer <Field>Config, as AWS answers both for host-header and path-pattern.
    private static XElement Condition(ElbCondition condition) => E("member",
        E("Field", condition.Field),
        Members("Values", condition.Values),
        condition.Field switch
        {
            "host-header" => E("HostHeaderConfig", Members("Values", condition.Values)),
            "path-pattern" => E("PathPatternConfig", Members("Values", condition.Values)),
            _ => null,
        });
}
