namespace DiagBot.Diagnostics.Ecs;

/// <summary>The fields of DescribeTaskDefinition that diagnoses read.</summary>
public sealed record EcsTaskDefinition
{
    public required string TaskDefinitionArn { get; init; }
    public string? Family { get; init; }
    public int Revision { get; init; }
    public string? NetworkMode { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? CpuArchitecture { get; init; }
    public string? OperatingSystemFamily { get; init; }
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = [];
    public IReadOnlyList<EcsContainerDefinition> ContainerDefinitions { get; init; } = [];
}

public sealed record EcsContainerDefinition
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public bool Essential { get; init; } = true;
    public int? Cpu { get; init; }
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }
    public int? StopTimeout { get; init; }
    public IReadOnlyList<EcsPortMapping> PortMappings { get; init; } = [];
    public EcsLogConfiguration? LogConfiguration { get; init; }
    public IReadOnlyList<EcsSecret> Secrets { get; init; } = [];
}

public sealed record EcsPortMapping(int ContainerPort, int? HostPort, string? Protocol);

public sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string> Options);

public sealed record EcsSecret(string Name, string ValueFrom);
