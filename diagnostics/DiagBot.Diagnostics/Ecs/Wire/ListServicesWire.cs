using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>
/// Shapes from the Amazon ECS API Reference: ListClusters and ListServices (maxResults 1-100; ListServices
/// answers 10 a page when it is not given, ListClusters 100).
/// </summary>
internal sealed record ListClustersRequest(
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ListClustersResponse(
    [property: JsonPropertyName("clusterArns")] IReadOnlyList<string>? ClusterArns,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ListServicesRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ListServicesResponse(
    [property: JsonPropertyName("serviceArns")] IReadOnlyList<string>? ServiceArns,
    [property: JsonPropertyName("nextToken")] string? NextToken);
