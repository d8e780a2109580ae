using System.Xml.Linq;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.LoadBalancing.Wire;

/// <summary>Listener, Rule, Action and RuleCondition from the Elastic Load Balancing API Reference (version 2015-12-01).</summary>
internal static class ElbListenerXmlReader
{
    public static Listener Listener(XElement member) => new()
    {
        ListenerArn = member.ChildText("ListenerArn") ?? string.Empty,
        LoadBalancerArn = member.ChildText("LoadBalancerArn"),
        Port = member.ChildInt("Port"),
        Protocol = member.ChildText("Protocol"),
        DefaultActions = [.. member.Members("DefaultActions").Select(Action)],
    };

    public static ListenerRule Rule(XElement member) => new()
    {
        RuleArn = member.ChildText("RuleArn") ?? string.Empty,
        Priority = member.ChildText("Priority"),
        IsDefault = bool.TryParse(member.ChildText("IsDefault"), out var isDefault) && isDefault,
        Conditions = [.. member.Members("Conditions").Select(Condition)],
        Actions = [.. member.Members("Actions").Select(Action)],
    };

    // TargetGroupArn names one group; ForwardConfig.TargetGroups may name several with weights. AWS fills both when
    // there is one group, so ForwardConfig wins when present and the single ARN is the fallback.
    private static ListenerAction Action(XElement member)
    {
        var weighted = member.Child("ForwardConfig")?.Members("TargetGroups")
            .Select(g => new WeightedTargetGroup(g.ChildText("TargetGroupArn") ?? string.Empty, g.ChildInt("Weight")))
            .Where(g => g.TargetGroupArn.Length > 0)
            .ToList() ?? [];
        if (weighted.Count == 0 && member.ChildText("TargetGroupArn") is { Length: > 0 } single)
        {
            weighted = [new WeightedTargetGroup(single, null)];
        }

        return new ListenerAction(member.ChildText("Type") ?? string.Empty, member.ChildInt("Order"), weighted)
        {
            FixedResponseStatusCode = member.Child("FixedResponseConfig")?.ChildText("StatusCode"),
        };
    }

    // Values sits on the condition itself in the older form, inside <Field>Config (PathPatternConfig, ...) in the newer.
    private static RuleCondition Condition(XElement member)
    {
        var values = member.MemberTexts("Values");
        if (values.Count == 0)
        {
            values = member.Elements().Where(e => e.Name.LocalName.EndsWith("Config", StringComparison.Ordinal))
                .SelectMany(config => config.MemberTexts("Values")).ToList();
        }

        return new RuleCondition(member.ChildText("Field") ?? string.Empty, values);
    }
}
