namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>The fields of an ELBv2 LoadBalancer that diagnoses read.</summary>
public sealed record LoadBalancer
{
    public required string LoadBalancerArn { get; init; }
    public string? LoadBalancerName { get; init; }
    public string? DnsName { get; init; }
    public string? Scheme { get; init; }

    /// <summary>application, network or gateway.</summary>
    public string? Type { get; init; }
    public string? VpcId { get; init; }
    public string? StateCode { get; init; }
    public string? StateReason { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];
    public IReadOnlyList<LoadBalancerZone> AvailabilityZones { get; init; } = [];
}

public sealed record LoadBalancerZone(string ZoneName, string? SubnetId);
