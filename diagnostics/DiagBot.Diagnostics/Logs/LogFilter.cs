namespace DiagBot.Diagnostics.Logs;

/// <summary>A FilterLogEvents search: a pattern over some streams of a group within a time window.</summary>
public sealed record LogFilter
{
    public required LogGroupRef Group { get; init; }

    public IReadOnlyList<string> LogStreamNames { get; init; } = [];

    /// <summary>CloudWatch Logs filter pattern syntax, e.g. "?AccessDenied ?\"not authorized\"".</summary>
    public string? FilterPattern { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>At most this many events come back, over as many pages as it takes (within the page cap).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Events asked for per page (the API's limit); null asks for all that are still wanted.</summary>
    public int? PageSize { get; init; }
}
