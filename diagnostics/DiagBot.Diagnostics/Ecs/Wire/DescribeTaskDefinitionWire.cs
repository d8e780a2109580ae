using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>Shapes from the Amazon ECS API Reference: DescribeTaskDefinition, TaskDefinition, ContainerDefinition.</summary>
internal sealed record DescribeTaskDefinitionRequest(
    [property: JsonPropertyName("taskDefinition")] string TaskDefinition);

internal sealed record DescribeTaskDefinitionResponse(
    [property: JsonPropertyName("taskDefinition")] TaskDefinitionWire? TaskDefinition);

internal sealed record TaskDefinitionWire(
    [property: JsonPropertyName("taskDefinitionArn")] string? TaskDefinitionArn,
    [property: JsonPropertyName("family")] string? Family,
    [property: JsonPropertyName("revision")] int? Revision,
    [property: JsonPropertyName("networkMode")] string? NetworkMode,
    [property: JsonPropertyName("cpu")] string? Cpu,
    [property: JsonPropertyName("memory")] string? Memory,
    [property: JsonPropertyName("executionRoleArn")] string? ExecutionRoleArn,
    [property: JsonPropertyName("taskRoleArn")] string? TaskRoleArn,
    [property: JsonPropertyName("runtimePlatform")] RuntimePlatformWire? RuntimePlatform,
    [property: JsonPropertyName("requiresCompatibilities")] IReadOnlyList<string>? RequiresCompatibilities,
    [property: JsonPropertyName("containerDefinitions")] IReadOnlyList<ContainerDefinitionWire>? ContainerDefinitions);

internal sealed record RuntimePlatformWire(
    [property: JsonPropertyName("cpuArchitecture")] string? CpuArchitecture,
    [property: JsonPropertyName("operatingSystemFamily")] string? OperatingSystemFamily);

internal sealed record ContainerDefinitionWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("essential")] bool? Essential,
    [property: JsonPropertyName("cpu")] int? Cpu,
    [property: JsonPropertyName("memory")] int? Memory,
    [property: JsonPropertyName("memoryReservation")] int? MemoryReservation,
    [property: JsonPropertyName("stopTimeout")] int? StopTimeout,
    [property: JsonPropertyName("portMappings")] IReadOnlyList<PortMappingWire>? PortMappings,
    [property: JsonPropertyName("logConfiguration")] LogConfigurationWire? LogConfiguration,
    [property: JsonPropertyName("secrets")] IReadOnlyList<SecretWire>? Secrets);

internal sealed record PortMappingWire(
    [property: JsonPropertyName("containerPort")] int? ContainerPort,
    [property: JsonPropertyName("hostPort")] int? HostPort,
    [property: JsonPropertyName("protocol")] string? Protocol);

internal sealed record LogConfigurationWire(
    [property: JsonPropertyName("logDriver")] string? LogDriver,
    [property: JsonPropertyName("options")] IReadOnlyDictionary<string, string>? Options);

internal sealed record SecretWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("valueFrom")] string? ValueFrom);
