namespace DiagBot.Diagnostics.Ecs;

/// <summary>The fields of DescribeTasks' Task that diagnoses read.</summary>
public sealed record EcsTask
{
    public required string TaskArn { get; init; }
    public required string ClusterArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public string? LastStatus { get; init; }
    public string? DesiredStatus { get; init; }
    public string? StopCode { get; init; }
    public string? StoppedReason { get; init; }
    public string? LaunchType { get; init; }
    public string? CapacityProviderName { get; init; }

    /// <summary>The EC2 container instance the task was placed on; null on Fargate.</summary>
    public string? ContainerInstanceArn { get; init; }
    public string? Group { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? PlatformVersion { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];
    public IReadOnlyList<EcsAttachment> Attachments { get; init; } = [];

    public string TaskId => TaskArn[(TaskArn.LastIndexOf('/') + 1)..];

    public string ClusterName => ClusterArn[(ClusterArn.LastIndexOf('/') + 1)..];
}

public sealed record EcsContainer
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public string? LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
    public string? RuntimeId { get; init; }
    public IReadOnlyList<EcsManagedAgent> ManagedAgents { get; init; } = [];
}

public sealed record EcsManagedAgent(string Name, string? LastStatus, string? Reason);

/// <summary>An elastic network interface attachment; details carry subnetId, networkInterfaceId, privateIPv4Address.</summary>
public sealed record EcsAttachment(string Type, string? Status, IReadOnlyDictionary<string, string> Details);
