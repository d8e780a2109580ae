using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>CloudWatch metrics held in memory by query id, beside ECS evidence; counts the GetMetricData calls it answers.</summary>
internal sealed class FakeMetricsEvidence(ScriptedEvidence ecs) : EvidenceFake, IMetricsEvidence
{
    public Dictionary<string, IReadOnlyList<MetricPoint>> Points { get; } = [];

    public EvidenceGap? Gap { get; set; }

    public List<MetricRequest> Requests { get; } = [];

    public override IEcsEvidence Ecs => ecs;

    public override IMetricsEvidence Metrics => this;

    public Task<EvidenceResult<IReadOnlyList<MetricResult>>> GetMetricDataAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        IReadOnlyList<MetricResult> results =
            [.. request.Queries.Select(q => new MetricResult(q.Id, q.MetricName, Points.GetValueOrDefault(q.Id, []), Complete: true))];
        return Task.FromResult(Gap is null
            ? EvidenceResult<IReadOnlyList<MetricResult>>.Found(results)
            : EvidenceResult<IReadOnlyList<MetricResult>>.Missing(Gap));
    }
}
