namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The ECS API's Task shape; property order and names follow the ECS API reference, serialized camelCase.</summary>
internal sealed record EcsTask
{
    public IReadOnlyList<EcsAttachment> Attachments { get; init; } = [];
    public IReadOnlyList<EcsAttribute> Attributes { get; init; } = [];
    public string? AvailabilityZone { get; init; }
    public string? CapacityProviderName { get; init; }
    public required string ClusterArn { get; init; }
    public string? Connectivity { get; init; }
    public DateTimeOffset? ConnectivityAt { get; init; }
    public string? ContainerInstanceArn { get; init; }
    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];
    public string? Cpu { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public required string DesiredStatus { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public EcsEphemeralStorage? EphemeralStorage { get; init; }
    public DateTimeOffset? ExecutionStoppedAt { get; init; }
    public string? Group { get; init; }
    public string? HealthStatus { get; init; }
    public required string LastStatus { get; init; }
    public string? LaunchType { get; init; }
    public string? Memory { get; init; }
    public EcsTaskOverride Overrides { get; init; } = new();
    public string? PlatformFamily { get; init; }
    public string? PlatformVersion { get; init; }
    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? StartedBy { get; init; }
    public string? StopCode { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public string? StoppedReason { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public required string TaskArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public long Version { get; init; } = 1;
}

internal sealed record EcsAttachment(string Id, string Type, string Status, IReadOnlyList<EcsKeyValue> Details);

internal sealed record EcsKeyValue(string Name, string Value);

internal sealed record EcsAttribute(string Name, string? Value = null);

internal sealed record EcsTag(string Key, string Value);

internal sealed record EcsEphemeralStorage(int SizeInGiB);

internal sealed record EcsTaskOverride
{
    public IReadOnlyList<EcsContainerOverride> ContainerOverrides { get; init; } = [];
    public IReadOnlyList<object> InferenceAcceleratorOverrides { get; init; } = [];
}

internal sealed record EcsContainerOverride(string Name);
