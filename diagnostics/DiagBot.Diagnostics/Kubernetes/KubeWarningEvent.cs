namespace DiagBot.Diagnostics.Kubernetes;

public sealed record KubeWarningList(IReadOnlyList<KubeWarningEvent> Items, string ResourceVersion);

/// <summary>A core/v1 Event of type Warning with what identifies it (uid, resourceVersion) and what it is about.</summary>
public sealed record KubeWarningEvent
{
    public required string Uid { get; init; }
    public required string ResourceVersion { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public int Count { get; init; } = 1;
    public string? InvolvedKind { get; init; }
    public string? InvolvedName { get; init; }
    public DateTimeOffset? LastTimestamp { get; init; }
}

public enum KubeWatchChangeType
{
    Added,
    Modified,
    Deleted,

    /// <summary>No event, only a newer resourceVersion to resume from.</summary>
    Bookmark,
}

public sealed record KubeWatchChange(KubeWatchChangeType Type, string ResourceVersion, KubeWarningEvent? Event);
