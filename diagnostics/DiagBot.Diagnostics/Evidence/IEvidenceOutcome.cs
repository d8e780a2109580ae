namespace DiagBot.Diagnostics.Evidence;

/// <summary>Any EvidenceResult seen without its type argument, so resilience can decide on the gap.</summary>
internal interface IEvidenceOutcome
{
    EvidenceGap? Gap { get; }
}
