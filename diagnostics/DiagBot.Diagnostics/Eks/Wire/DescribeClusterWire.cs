using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Eks.Wire;

// Shapes from the Amazon EKS API Reference: DescribeCluster, Cluster, Certificate (only what a client connection needs).
internal sealed record DescribeClusterResponse(
    [property: JsonPropertyName("cluster")] ClusterWire? Cluster);

internal sealed record ClusterWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("certificateAuthority")] CertificateWire? CertificateAuthority);

internal sealed record CertificateWire(
    [property: JsonPropertyName("data")] string? Data);
