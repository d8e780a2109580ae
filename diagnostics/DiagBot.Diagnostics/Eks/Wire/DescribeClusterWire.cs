using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Eks.Wire;

/// <summary>Shapes from the Amazon EKS API Reference: DescribeCluster, Cluster, Certificate, VpcConfigResponse (what a client connection and a diagnosis need).</summary>
internal sealed record DescribeClusterResponse(
    [property: JsonPropertyName("cluster")] ClusterWire? Cluster);

internal sealed record ClusterWire(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("certificateAuthority")] CertificateWire? CertificateAuthority,
    [property: JsonPropertyName("version")] string? Version = null,
    [property: JsonPropertyName("resourcesVpcConfig")] VpcConfigWire? ResourcesVpcConfig = null);

internal sealed record VpcConfigWire(
    [property: JsonPropertyName("subnetIds")] IReadOnlyList<string>? SubnetIds,
    [property: JsonPropertyName("securityGroupIds")] IReadOnlyList<string>? SecurityGroupIds,
    [property: JsonPropertyName("clusterSecurityGroupId")] string? ClusterSecurityGroupId,
    [property: JsonPropertyName("vpcId")] string? VpcId);

internal sealed record CertificateWire(
    [property: JsonPropertyName("data")] string? Data);
