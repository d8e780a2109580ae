using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Metrics;

/// <summary>What diagnoses read from CloudWatch metrics. Failures come back as gaps, never as exceptions.</summary>
public interface IMetricsEvidence
{
    /// <summary>
    /// GetMetricData: every query of <paramref name="request"/> in one call (up to 500), each result's points oldest
    /// first. A metric that published nothing in the window comes back with no points, not as a gap.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<MetricResult>>> GetMetricDataAsync(MetricRequest request, CancellationToken cancellationToken);
}
