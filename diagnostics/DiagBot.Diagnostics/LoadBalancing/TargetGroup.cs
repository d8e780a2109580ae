namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>The fields of an ELBv2 TargetGroup that diagnoses read (health check, target type, port).</summary>
public sealed record TargetGroup
{
    public required string TargetGroupArn { get; init; }
    public string? TargetGroupName { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }

    /// <summary>instance, ip, lambda or alb; awsvpc tasks need ip.</summary>
    public string? TargetType { get; init; }
    public bool? HealthCheckEnabled { get; init; }
    public string? HealthCheckProtocol { get; init; }

    /// <summary>A port number or "traffic-port".</summary>
    public string? HealthCheckPort { get; init; }
    public string? HealthCheckPath { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }

    /// <summary>The success codes, e.g. "200" or "200-299".</summary>
    public string? MatcherHttpCode { get; init; }
    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];
}
