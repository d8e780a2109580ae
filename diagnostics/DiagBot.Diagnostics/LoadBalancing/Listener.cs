namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>An ELBv2 listener (DescribeListeners): where requests arrive and what its default rule does with them.</summary>
public sealed record Listener
{
    public required string ListenerArn { get; init; }
    public string? LoadBalancerArn { get; init; }
    public int? Port { get; init; }

    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE.</summary>
    public string? Protocol { get; init; }
    public IReadOnlyList<ListenerAction> DefaultActions { get; init; } = [];
}

/// <summary>
/// One action of a listener or rule. Type is forward, redirect, fixed-response or an authenticate-* step. A forward names
/// one group in TargetGroupArn or several, weighted, in ForwardConfig; both read into <see cref="TargetGroups"/>.
/// </summary>
public sealed record ListenerAction(string Type, int? Order, IReadOnlyList<WeightedTargetGroup> TargetGroups)
{
    public const string Forward = "forward";

    /// <summary>FixedResponseConfig.StatusCode, e.g. "503", for a fixed-response action.</summary>
    public string? FixedResponseStatusCode { get; init; }

    /// <summary>The groups a request can actually be sent to: a weight of 0 takes no traffic.</summary>
    public IEnumerable<string> ForwardedTargetGroupArns =>
        Type == Forward ? TargetGroups.Where(g => g.Weight is null or > 0).Select(g => g.TargetGroupArn) : [];
}

/// <summary>A target group of a forward action; Weight is null when the action names a single group.</summary>
public sealed record WeightedTargetGroup(string TargetGroupArn, int? Weight);
