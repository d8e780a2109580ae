using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>Shapes from the Amazon ECS API Reference: DescribeTasks, Task, Container, ManagedAgent, Attachment, Failure.</summary>
internal sealed record DescribeTasksRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("tasks")] IReadOnlyList<string> Tasks);

internal sealed record DescribeTasksResponse(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskWire>? Tasks,
    [property: JsonPropertyName("failures")] IReadOnlyList<FailureWire>? Failures);

internal sealed record FailureWire(
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("detail")] string? Detail);

internal sealed record TaskWire(
    [property: JsonPropertyName("taskArn")] string? TaskArn,
    [property: JsonPropertyName("clusterArn")] string? ClusterArn,
    [property: JsonPropertyName("taskDefinitionArn")] string? TaskDefinitionArn,
    [property: JsonPropertyName("lastStatus")] string? LastStatus,
    [property: JsonPropertyName("desiredStatus")] string? DesiredStatus,
    [property: JsonPropertyName("stopCode")] string? StopCode,
    [property: JsonPropertyName("stoppedReason")] string? StoppedReason,
    [property: JsonPropertyName("launchType")] string? LaunchType,
    [property: JsonPropertyName("capacityProviderName")] string? CapacityProviderName,
    [property: JsonPropertyName("containerInstanceArn")] string? ContainerInstanceArn,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("cpu")] string? Cpu,
    [property: JsonPropertyName("memory")] string? Memory,
    [property: JsonPropertyName("availabilityZone")] string? AvailabilityZone,
    [property: JsonPropertyName("platformVersion")] string? PlatformVersion,
    [property: JsonPropertyName("enableExecuteCommand")] bool? EnableExecuteCommand,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("stoppingAt")] DateTimeOffset? StoppingAt,
    [property: JsonPropertyName("stoppedAt")] DateTimeOffset? StoppedAt,
    [property: JsonPropertyName("containers")] IReadOnlyList<ContainerWire>? Containers,
    [property: JsonPropertyName("attachments")] IReadOnlyList<AttachmentWire>? Attachments)
{
    [JsonPropertyName("pullStartedAt")] public DateTimeOffset? PullStartedAt { get; init; }
    [JsonPropertyName("pullStoppedAt")] public DateTimeOffset? PullStoppedAt { get; init; }
    [JsonPropertyName("executionStoppedAt")] public DateTimeOffset? ExecutionStoppedAt { get; init; }
    [JsonPropertyName("connectivity")] public string? Connectivity { get; init; }
    [JsonPropertyName("connectivityAt")] public DateTimeOffset? ConnectivityAt { get; init; }
    [JsonPropertyName("healthStatus")] public string? HealthStatus { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<AttributeWire>? Attributes { get; init; }
}

internal sealed record AttributeWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value")] string? Value);

internal sealed record ContainerWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("lastStatus")] string? LastStatus,
    [property: JsonPropertyName("exitCode")] int? ExitCode,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("runtimeId")] string? RuntimeId,
    [property: JsonPropertyName("managedAgents")] IReadOnlyList<ManagedAgentWire>? ManagedAgents)
{
    // cpu, memory and memoryReservation are strings in the Container shape (integers in the task definition).
    [JsonPropertyName("memory")] public string? Memory { get; init; }
    [JsonPropertyName("memoryReservation")] public string? MemoryReservation { get; init; }
    [JsonPropertyName("healthStatus")] public string? HealthStatus { get; init; }
}

internal sealed record ManagedAgentWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("lastStatus")] string? LastStatus,
    [property: JsonPropertyName("reason")] string? Reason);

internal sealed record AttachmentWire(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("details")] IReadOnlyList<NameValueWire>? Details);

internal sealed record NameValueWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value")] string? Value);
