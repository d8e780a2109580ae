namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The ECS API's Container shape (a running or stopped container of a task); cpu and memory are strings on the wire.</summary>
internal sealed record EcsContainer
{
    public required string ContainerArn { get; init; }
    public string? Cpu { get; init; }
    public int? ExitCode { get; init; }
    public string? HealthStatus { get; init; }
    public required string Image { get; init; }
    public string? ImageDigest { get; init; }
    public required string LastStatus { get; init; }
    public IReadOnlyList<EcsManagedAgent>? ManagedAgents { get; init; }
    public string? Memory { get; init; }
    public string? MemoryReservation { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<EcsNetworkBinding> NetworkBindings { get; init; } = [];
    public IReadOnlyList<EcsNetworkInterface> NetworkInterfaces { get; init; } = [];
    public string? Reason { get; init; }
    public string? RuntimeId { get; init; }
    public required string TaskArn { get; init; }
}

internal sealed record EcsManagedAgent(string Name, string LastStatus, DateTimeOffset? LastStartedAt = null, string? Reason = null);

internal sealed record EcsNetworkBinding(string BindIP, int ContainerPort, int HostPort, string Protocol = "tcp");

internal sealed record EcsNetworkInterface(string AttachmentId, string PrivateIpv4Address);
