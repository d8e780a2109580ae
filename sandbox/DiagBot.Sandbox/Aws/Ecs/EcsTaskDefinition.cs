namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The ECS API's TaskDefinition shape; task-level cpu and memory are strings, container-level ones integers.</summary>
internal sealed record EcsTaskDefinition
{
    public IReadOnlyList<string> Compatibilities { get; init; } = ["EC2", "FARGATE"];
    public required IReadOnlyList<EcsContainerDefinition> ContainerDefinitions { get; init; }
    public string? Cpu { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public required string Family { get; init; }
    public string? Memory { get; init; }
    public string NetworkMode { get; init; } = "awsvpc";
    public IReadOnlyList<object> PlacementConstraints { get; init; } = [];
    public DateTimeOffset? RegisteredAt { get; init; }
    public string? RegisteredBy { get; init; }
    public IReadOnlyList<EcsAttribute> RequiresAttributes { get; init; } = [];
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = ["FARGATE"];
    public required int Revision { get; init; }
    public EcsRuntimePlatform? RuntimePlatform { get; init; }
    public string Status { get; init; } = "ACTIVE";
    public required string TaskDefinitionArn { get; init; }
    public string? TaskRoleArn { get; init; }
    public IReadOnlyList<object> Volumes { get; init; } = [];
}

internal sealed record EcsRuntimePlatform(string CpuArchitecture, string OperatingSystemFamily = "LINUX");

internal sealed record EcsContainerDefinition
{
    public IReadOnlyList<string>? Command { get; init; }
    public int Cpu { get; init; }
    public IReadOnlyList<string>? EntryPoint { get; init; }
    public IReadOnlyList<EcsKeyValue> Environment { get; init; } = [];
    public bool Essential { get; init; } = true;
    public EcsHealthCheck? HealthCheck { get; init; }
    public required string Image { get; init; }
    public EcsLogConfiguration? LogConfiguration { get; init; }
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }
    public IReadOnlyList<object> MountPoints { get; init; } = [];
    public required string Name { get; init; }
    public IReadOnlyList<EcsPortMapping> PortMappings { get; init; } = [];
    public IReadOnlyList<EcsSecret>? Secrets { get; init; }
    public int? StopTimeout { get; init; }
    public IReadOnlyList<object> VolumesFrom { get; init; } = [];
}

internal sealed record EcsPortMapping(int ContainerPort, int HostPort, string Protocol = "tcp", string? Name = null);

internal sealed record EcsSecret(string Name, string ValueFrom);

/// <summary>Options keys such as "awslogs-group" are kept verbatim: dictionary keys are not renamed by the serializer.</summary>
internal sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string> Options);

internal sealed record EcsHealthCheck(IReadOnlyList<string> Command, int Interval = 30, int Timeout = 5, int Retries = 3, int StartPeriod = 0);
