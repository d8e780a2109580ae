namespace DiagBot.Sandbox.Aws.Elb;

/// <summary>ELBv2 resources as the 2015-12-01 API describes them.</summary>
internal sealed record ElbLoadBalancer(
    string LoadBalancerArn,
    string LoadBalancerName,
    string DnsName,
    string VpcId,
    IReadOnlyList<(string Zone, string SubnetId)> AvailabilityZones,
    IReadOnlyList<string> SecurityGroups,
    DateTimeOffset CreatedTime,
    int IdleTimeoutSeconds = 60,
    string Scheme = "internet-facing",
    string Type = "application");

internal sealed record ElbTargetGroup
{
    public required string TargetGroupArn { get; init; }
    public required string TargetGroupName { get; init; }
    public required string VpcId { get; init; }
    public int Port { get; init; } = 80;
    public string Protocol { get; init; } = "HTTP";
    public string TargetType { get; init; } = "ip";
    public string HealthCheckPath { get; init; } = "/health";
    public string HealthCheckPort { get; init; } = "traffic-port";
    public int HealthCheckIntervalSeconds { get; init; } = 30;
    public int HealthCheckTimeoutSeconds { get; init; } = 5;
    public string Matcher { get; init; } = "200";
    /// <summary>
    /// What the seed asks for: a forward from each of these load balancers. The API reports LoadBalancerArns from the
    /// listeners and rules that actually forward here (ElbState.LoadBalancersForwardingTo), never from this list.
    /// </summary>
    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];
    public IReadOnlyList<ElbTargetHealth> Targets { get; init; } = [];

    /// <summary>What DescribeTags answers for the group: none for a group made by hand, the controller's tracking tags for one it made.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>One registered target and its health; Reason and Description are absent for a healthy target, as in AWS.</summary>
internal sealed record ElbTargetHealth(string Id, int Port, string State, string? Reason = null, string? Description = null, string? AvailabilityZone = null);
