using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Eks.Wire;

/// <summary>Shapes from the Amazon EKS API Reference: ListFargateProfiles, DescribeFargateProfile, FargateProfile, FargateProfileSelector.</summary>
internal sealed record ListFargateProfilesResponse(
    [property: JsonPropertyName("fargateProfileNames")] IReadOnlyList<string>? FargateProfileNames,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record DescribeFargateProfileResponse(
    [property: JsonPropertyName("fargateProfile")] FargateProfileWire? FargateProfile);

internal sealed record FargateProfileWire(
    [property: JsonPropertyName("fargateProfileName")] string? FargateProfileName,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("podExecutionRoleArn")] string? PodExecutionRoleArn,
    [property: JsonPropertyName("subnets")] IReadOnlyList<string>? Subnets,
    [property: JsonPropertyName("selectors")] IReadOnlyList<FargateProfileSelectorWire>? Selectors);

internal sealed record FargateProfileSelectorWire(
    [property: JsonPropertyName("namespace")] string? Namespace,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string>? Labels);
