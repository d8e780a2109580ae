namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The ECS API's ContainerInstance shape: an EC2 host registered to a cluster, with what it has left to place tasks.</summary>
internal sealed record EcsContainerInstance
{
    public bool AgentConnected { get; init; } = true;
    public IReadOnlyList<EcsAttribute> Attributes { get; init; } = [];
    public string? CapacityProviderName { get; init; }
    public required string ContainerInstanceArn { get; init; }
    public required string Ec2InstanceId { get; init; }
    public int PendingTasksCount { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required IReadOnlyList<EcsResource> RegisteredResources { get; init; }
    public required IReadOnlyList<EcsResource> RemainingResources { get; init; }
    public int RunningTasksCount { get; init; }
    public string Status { get; init; } = "ACTIVE";
    public long Version { get; init; } = 12;
    public EcsVersionInfo VersionInfo { get; init; } = new("1.88.0", "8d3a4b4e", "DockerVersion: 25.0.6");

    /// <summary>The owning cluster is known from the request on the wire; kept here only to filter by it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ClusterArn { get; init; } = string.Empty;
}

/// <summary>CPU and MEMORY are INTEGER resources; PORTS is a STRINGSET.</summary>
internal sealed record EcsResource(string Name, string Type, int? IntegerValue = null, IReadOnlyList<string>? StringSetValue = null)
{
    public double DoubleValue => 0;

    public long LongValue => 0;
}

internal sealed record EcsVersionInfo(string AgentVersion, string AgentHash, string DockerVersion);
