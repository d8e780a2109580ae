namespace DiagBot.Diagnostics.AuditTrail;

/// <summary>A LookupEvents search: one lookup attribute within a time window.</summary>
public sealed record AuditQuery
{
    /// <summary>One of <see cref="AuditLookupAttribute"/>.</summary>
    public required string AttributeKey { get; init; }

    public required string AttributeValue { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>At most this many events come back (LookupEvents pages hold 50).</summary>
    public int MaxEvents { get; init; } = 50;

    public string? Region { get; init; }

    public string? AccountId { get; init; }
}

/// <summary>The AttributeKey values LookupEvents accepts.</summary>
public static class AuditLookupAttribute
{
    public const string EventId = "EventId";
    public const string EventName = "EventName";
    public const string ReadOnly = "ReadOnly";
    public const string Username = "Username";
    public const string ResourceType = "ResourceType";
    public const string ResourceName = "ResourceName";
    public const string EventSource = "EventSource";
    public const string AccessKeyId = "AccessKeyId";
}
