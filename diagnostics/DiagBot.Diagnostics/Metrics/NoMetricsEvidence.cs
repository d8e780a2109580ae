using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Metrics;

/// <summary>Stands in for metrics evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoMetricsEvidence : IMetricsEvidence
{
    public static readonly NoMetricsEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<MetricResult>>> GetMetricDataAsync(MetricRequest request, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<MetricResult>>("monitoring", "GetMetricData");
}
