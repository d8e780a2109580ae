using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.AuditTrail;

/// <summary>What diagnoses read from CloudTrail. Failures come back as gaps, never as exceptions.</summary>
public interface IAuditTrailEvidence
{
    /// <summary>LookupEvents, newest first, following NextToken until MaxEvents or the page cap.</summary>
    Task<EvidenceResult<IReadOnlyList<AuditEvent>>> LookupEventsAsync(AuditQuery query, CancellationToken cancellationToken);
}
