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
    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }

    /// <summary>When the containers started running (after provisioning and the image pull).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the essential container exited (or the task was told to stop): the end of the run itself.</summary>
    public DateTimeOffset? ExecutionStoppedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }

    /// <summary>When the task reached STOPPED, after deprovisioning (on Fargate, the ENI and its resources released).</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>CONNECTED or DISCONNECTED: whether the task reached the network; null for a task that never got that far.</summary>
    public string? Connectivity { get; init; }
    public DateTimeOffset? ConnectivityAt { get; init; }

    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN, from the essential containers' health checks.</summary>
    public string? HealthStatus { get; init; }

    /// <summary>The task's attributes by name, e.g. "ecs.cpu-architecture" = "x86_64" or "arm64".</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];
    public IReadOnlyList<EcsAttachment> Attachments { get; init; } = [];

    public string TaskId => TaskArn[(TaskArn.LastIndexOf('/') + 1)..];

    public string ClusterName => ClusterArn[(ClusterArn.LastIndexOf('/') + 1)..];

    /// <summary>The ecs.cpu-architecture attribute: x86_64 or arm64, what the task actually ran on.</summary>
    public string? CpuArchitecture => Attributes.GetValueOrDefault(CpuArchitectureAttribute);

    public const string CpuArchitectureAttribute = "ecs.cpu-architecture";
}

public sealed record EcsContainer
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public string? LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
    public string? RuntimeId { get; init; }

    /// <summary>The container's hard and soft memory limits in MiB, as DescribeTasks reports them.</summary>
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }

    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN (UNKNOWN also when the container has no health check).</summary>
    public string? HealthStatus { get; init; }
    public IReadOnlyList<EcsManagedAgent> ManagedAgents { get; init; } = [];
}

public sealed record EcsManagedAgent(string Name, string? LastStatus, string? Reason);

/// <summary>An elastic network interface attachment; details carry subnetId, networkInterfaceId, privateIPv4Address.</summary>
public sealed record EcsAttachment(string Type, string? Status, IReadOnlyDictionary<string, string> Details);
