using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>CloudWatch metrics held in memory by query id, beside ECS evidence; counts the GetMetricData calls it answers.</summary>
internal sealed class FakeMetricsEvidence(FakeEcsEvidence ecs) : IMetricsEvidence, IEvidenceSource
{
    public Dictionary<string, IReadOnlyList<MetricPoint>> Points { get; } = [];

    public EvidenceGap? Gap { get; set; }

    public List<MetricRequest> Requests { get; } = [];

    public IEcsEvidence Ecs => ecs;

    public IMetricsEvidence Metrics => this;

    // The sources this fake does not hold, named so none falls to a default: each answers a gap, as an unconfigured one does.
    public ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    public ILogsEvidence Logs => NoLogsEvidence.Instance;

    public IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

    public INetworkEvidence Network => NoNetworkEvidence.Instance;

    public IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

    public IEksEvidence Eks => NoEksEvidence.Instance;

    public IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];

    public Task<EvidenceResult<IReadOnlyList<MetricResult>>> GetMetricDataAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        IReadOnlyList<MetricResult> results = [.. request.Queries.Select(q => new MetricResult(q.Id, q.MetricName, Points.GetValueOrDefault(q.Id, []), Complete: true))];
        return Task.FromResult(Gap is null ? EvidenceResult<IReadOnlyList<MetricResult>>.Found(results) : EvidenceResult<IReadOnlyList<MetricResult>>.Missing(Gap));
    }
}
