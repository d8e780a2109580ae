namespace DiagBot.Diagnostics.Evidence;

/// <summary>Either the evidence that was read or the gap that stands in its place.</summary>
public sealed class EvidenceResult<T> : IEvidenceOutcome
    where T : class
{
    private EvidenceResult(T? value, EvidenceGap? gap)
    {
        Value = value;
        Gap = gap;
    }

    public T? Value { get; }

    public EvidenceGap? Gap { get; }

    public bool HasValue => Value is not null;

    public static EvidenceResult<T> Found(T value) => new(value, null);

    public static EvidenceResult<T> Missing(EvidenceGap gap) => new(null, gap);
}
