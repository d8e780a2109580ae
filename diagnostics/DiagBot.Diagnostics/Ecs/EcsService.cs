namespace DiagBot.Diagnostics.Ecs;

/// <summary>The fields of DescribeServices' Service that diagnoses read.</summary>
public sealed record EcsService
{
    public required string ServiceArn { get; init; }
    public required string ServiceName { get; init; }
    public string? ClusterArn { get; init; }
    public string? Status { get; init; }
    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    public string? LaunchType { get; init; }
    public string? TaskDefinition { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public int? MinimumHealthyPercent { get; init; }
    public int? MaximumPercent { get; init; }

    /// <summary>deploymentCircuitBreaker.enable; null when the service has no breaker settings.</summary>
    public bool? CircuitBreakerEnabled { get; init; }
    public bool? CircuitBreakerRollback { get; init; }
    public IReadOnlyList<EcsCapacityProviderStrategyItem> CapacityProviderStrategy { get; init; } = [];
    public IReadOnlyList<EcsServiceLoadBalancer> LoadBalancers { get; init; } = [];
    public EcsAwsVpcConfiguration? NetworkConfiguration { get; init; }
    public IReadOnlyList<EcsDeployment> Deployments { get; init; } = [];

    /// <summary>The service's event messages, newest first as ECS returns them.</summary>
    public IReadOnlyList<EcsServiceEvent> Events { get; init; } = [];
}

public sealed record EcsCapacityProviderStrategyItem(string CapacityProvider, int Weight, int Base);

public sealed record EcsServiceLoadBalancer(string? TargetGroupArn, string? LoadBalancerName, string? ContainerName, int? ContainerPort);

/// <summary>awsvpcConfiguration: AssignPublicIp is ENABLED or DISABLED.</summary>
public sealed record EcsAwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string? AssignPublicIp);

/// <summary>Status PRIMARY, ACTIVE or INACTIVE; RolloutState IN_PROGRESS, COMPLETED or FAILED.</summary>
public sealed record EcsDeployment(
    string Id,
    string? Status,
    string? TaskDefinition,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    int FailedTasks,
    string? RolloutState,
    string? RolloutStateReason,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);

public sealed record EcsServiceEvent(string? Id, DateTimeOffset? CreatedAt, string Message);
