using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// How the in-memory fakes answer an operation: the gap a test scripted for it by name, else what the fake holds,
/// else NotFound; every call is counted, so a test can pin how many reads a playbook made.
/// </summary>
internal abstract class ScriptedAnswers : EvidenceFake
{
    /// <summary>A gap by operation name ("DescribeServices", "LookupEvents", ...) that stands in for its answer.</summary>
    public Dictionary<string, EvidenceGap> Gaps { get; } = [];

    public List<string> Calls { get; } = [];

    public static EvidenceGap Denied(string source, string operation) =>
        new(source, operation, GapReason.AccessDenied, $"not authorized to perform: {source}:{operation}");

    /// <summary>The operation answers AccessDenied, as it does for a role without its IAM action.</summary>
    public void Deny(string source, string operation) => Gaps[operation] = Denied(source, operation);

    /// <summary>CloudTrail's answer to a lookup past its 2 a second.</summary>
    public static EvidenceGap Throttled { get; } = new("cloudtrail", "LookupEvents", GapReason.Throttled, "ThrottlingException: Rate exceeded");

    /// <param name="notFound">What the gap says when the fake holds nothing: the live client's words, where a test reads them.</param>
    protected Task<EvidenceResult<T>> Answer<T>(string source, string operation, Func<T?> read, string? notFound = null)
        where T : class
    {
        Calls.Add(operation);
        if (Gaps.TryGetValue(operation, out var gap))
        {
            return Task.FromResult(EvidenceResult<T>.Missing(gap));
        }

        return Task.FromResult(read() is { } value
            ? EvidenceResult<T>.Found(value)
            : EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.NotFound, notFound ?? $"{operation}: not found")));
    }

    /// <summary>A gap whatever the fake holds, counted like any other answer.</summary>
    protected Task<EvidenceResult<T>> Missing<T>(string operation, EvidenceGap gap)
        where T : class
    {
        Calls.Add(operation);
        return Task.FromResult(EvidenceResult<T>.Missing(gap));
    }
}
