namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>A core/v1 Event about an object (Type Normal or Warning).</summary>
public sealed record KubeEvent(
    string? Type,
    string? Reason,
    string? Message,
    int Count,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    string? InvolvedKind,
    string? InvolvedName,
    string? SourceComponent);
