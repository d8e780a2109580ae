namespace DiagBot.Sandbox.Aws.Elb;

/// <summary>
/// Listeners and their rules as the 2015-12-01 API describes them. A listener's default actions are its default rule:
/// DescribeRules lists that rule last, with Priority "default" and IsDefault true.
/// </summary>
internal sealed record ElbListener(string ListenerArn, string LoadBalancerArn, int Port, string Protocol, IReadOnlyList<ElbAction> DefaultActions)
{
    public string DefaultRuleArn => ListenerArn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + SeededId("default/" + ListenerArn);

    public static string SeededId(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..16];
}

internal sealed record ElbRule(string RuleArn, string ListenerArn, int Priority, IReadOnlyList<ElbCondition> Conditions, IReadOnlyList<ElbAction> Actions);

/// <summary>A forward names its groups with weights (ForwardConfig); AWS also fills TargetGroupArn when there is exactly one.</summary>
internal sealed record ElbAction(string Type, IReadOnlyList<(string TargetGroupArn, int Weight)> TargetGroups)
{
    public string? RedirectPort { get; init; }
    public string? FixedResponseStatusCode { get; init; }

    public static ElbAction Forward(params string[] targetGroupArns) => new("forward", [.. targetGroupArns.Select(arn => (arn, 1))]);

    public static ElbAction RedirectToHttps() => new("redirect", []) { RedirectPort = "443" };

    public static ElbAction FixedResponse(string statusCode) => new("fixed-response", []) { FixedResponseStatusCode = statusCode };
}

internal sealed record ElbCondition(string Field, IReadOnlyList<string> Values);
