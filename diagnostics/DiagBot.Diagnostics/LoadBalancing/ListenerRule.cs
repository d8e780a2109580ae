namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>A listener rule (DescribeRules). Priority is a number as text, or "default" for the rule that matches last.</summary>
public sealed record ListenerRule
{
    public required string RuleArn { get; init; }
    public string? Priority { get; init; }
    public bool IsDefault { get; init; }
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];
    public IReadOnlyList<ListenerAction> Actions { get; init; } = [];

    /// <summary>What the rule matches, as an engineer reads it: "path-pattern /api/*", or "default".</summary>
    public string Describe() => IsDefault || Conditions.Count == 0
        ? "default"
        : string.Join(" and ", Conditions.Select(c => $"{c.Field} {string.Join(",", c.Values)}"));
}

/// <summary>A rule condition: Field (path-pattern, host-header, http-header, ...) and the values it matches.</summary>
public sealed record RuleCondition(string Field, IReadOnlyList<string> Values);
