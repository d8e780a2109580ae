namespace DiagBot.Diagnostics.Ecs;

/// <summary>The fields of DescribeContainerInstances that diagnoses read: is there room for one more task.</summary>
public sealed record EcsContainerInstance
{
    public required string ContainerInstanceArn { get; init; }
    public string? Ec2InstanceId { get; init; }
    public string? Status { get; init; }
    public bool AgentConnected { get; init; }
    public int RunningTasksCount { get; init; }
    public int PendingTasksCount { get; init; }
    public string? CapacityProviderName { get; init; }

    /// <summary>INTEGER resources by name (CPU in units, MEMORY in MiB) still free.</summary>
    public IReadOnlyDictionary<string, int> RemainingResources { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> RegisteredResources { get; init; } = new Dictionary<string, int>();
}
