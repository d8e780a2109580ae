using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>Shapes from the Amazon ECS API Reference: ListTasks.</summary>
internal sealed record ListTasksRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("serviceName")] string? ServiceName,
    [property: JsonPropertyName("family")] string? Family,
    [property: JsonPropertyName("desiredStatus")] string? DesiredStatus,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken,
    [property: JsonPropertyName("startedBy")] string? StartedBy = null);

internal sealed record ListTasksResponse(
    [property: JsonPropertyName("taskArns")] IReadOnlyList<string>? TaskArns,
    [property: JsonPropertyName("nextToken")] string? NextToken);
