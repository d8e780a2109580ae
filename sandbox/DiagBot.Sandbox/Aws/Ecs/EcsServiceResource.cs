namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The ECS API's Service shape (named apart from the IAwsService router); members in API reference order, serialized camelCase.</summary>
internal sealed record EcsServiceResource
{
    public IReadOnlyList<EcsCapacityProviderItem>? CapacityProviderStrategy { get; init; }
    public required string ClusterArn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public EcsDeploymentConfiguration DeploymentConfiguration { get; init; } = new();
    public EcsDeploymentController DeploymentController { get; init; } = new("ECS");
    public required IReadOnlyList<EcsDeployment> Deployments { get; init; }
    public int DesiredCount { get; init; }
    public bool EnableECSManagedTags { get; init; } = true;
    public bool EnableExecuteCommand { get; init; }
    public IReadOnlyList<EcsServiceEvent> Events { get; init; } = [];
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<EcsLoadBalancer> LoadBalancers { get; init; } = [];
    public EcsNetworkConfiguration? NetworkConfiguration { get; init; }
    public int PendingCount { get; init; }
    public IReadOnlyList<object> PlacementConstraints { get; init; } = [];
    public IReadOnlyList<object> PlacementStrategy { get; init; } = [];
    public string? PlatformFamily { get; init; }
    public string? PlatformVersion { get; init; }
    public string PropagateTags { get; init; } = "NONE";
    public string? RoleArn { get; init; }
    public int RunningCount { get; init; }
    public string SchedulingStrategy { get; init; } = "REPLICA";
    public required string ServiceArn { get; init; }
    public required string ServiceName { get; init; }
    public IReadOnlyList<object> ServiceRegistries { get; init; } = [];
    public string Status { get; init; } = "ACTIVE";
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public required string TaskDefinition { get; init; }
}

internal sealed record EcsCapacityProviderItem(string CapacityProvider, int Weight, int Base = 0);

internal sealed record EcsDeploymentConfiguration
{
    public EcsCircuitBreaker DeploymentCircuitBreaker { get; init; } = new(false, false);
    public int MaximumPercent { get; init; } = 200;
    public int MinimumHealthyPercent { get; init; } = 100;
}

internal sealed record EcsCircuitBreaker(bool Enable, bool Rollback);

internal sealed record EcsDeploymentController(string Type);

internal sealed record EcsDeployment
{
    public IReadOnlyList<EcsCapacityProviderItem>? CapacityProviderStrategy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int DesiredCount { get; init; }
    public int FailedTasks { get; init; }
    public required string Id { get; init; }
    public string? LaunchType { get; init; }
    public EcsNetworkConfiguration? NetworkConfiguration { get; init; }
    public int PendingCount { get; init; }
    public string? PlatformFamily { get; init; }
    public string? PlatformVersion { get; init; }
    public string RolloutState { get; init; } = "COMPLETED";
    public string? RolloutStateReason { get; init; }
    public int RunningCount { get; init; }
    public string Status { get; init; } = "PRIMARY";
    public required string TaskDefinition { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed record EcsServiceEvent(string Id, DateTimeOffset CreatedAt, string Message);

internal sealed record EcsLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort);

internal sealed record EcsNetworkConfiguration(EcsAwsVpcConfiguration AwsvpcConfiguration);

internal sealed record EcsAwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string AssignPublicIp = "DISABLED");
