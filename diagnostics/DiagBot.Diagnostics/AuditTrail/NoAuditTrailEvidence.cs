using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.AuditTrail;

/// <summary>Stands in for CloudTrail evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoAuditTrailEvidence : IAuditTrailEvidence
{
    public static readonly NoAuditTrailEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<AuditEvent>>> LookupEventsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<AuditEvent>>("cloudtrail", "LookupEvents");
}
