using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>Shapes from the Amazon ECS API Reference: DescribeContainerInstances, ContainerInstance, Resource.</summary>
internal sealed record DescribeContainerInstancesRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("containerInstances")] IReadOnlyList<string> ContainerInstances);

internal sealed record DescribeContainerInstancesResponse(
    [property: JsonPropertyName("containerInstances")] IReadOnlyList<ContainerInstanceWire>? ContainerInstances,
    [property: JsonPropertyName("failures")] IReadOnlyList<FailureWire>? Failures);

internal sealed record ContainerInstanceWire(
    [property: JsonPropertyName("containerInstanceArn")] string? ContainerInstanceArn,
    [property: JsonPropertyName("ec2InstanceId")] string? Ec2InstanceId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("agentConnected")] bool? AgentConnected,
    [property: JsonPropertyName("runningTasksCount")] int? RunningTasksCount,
    [property: JsonPropertyName("pendingTasksCount")] int? PendingTasksCount,
    [property: JsonPropertyName("capacityProviderName")] string? CapacityProviderName,
    [property: JsonPropertyName("remainingResources")] IReadOnlyList<ResourceWire>? RemainingResources,
    [property: JsonPropertyName("registeredResources")] IReadOnlyList<ResourceWire>? RegisteredResources);

internal sealed record ResourceWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("integerValue")] int? IntegerValue);
