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

/// <summary>ECS evidence held in memory; a gap can stand in for any operation.</summary>
internal sealed class FakeEcsEvidence : IEcsFake, IEvidenceSource, IEvidenceSessionFactory
{
    public List<EcsTask> Tasks { get; } = [];

    public List<EcsTaskDefinition> TaskDefinitions { get; } = [];

    public Dictionary<string, EvidenceGap> Gaps { get; } = [];

    public int Calls { get; private set; }

    public IEcsEvidence Ecs => this;

    // The sources this fake does not hold, named so none falls to a default: each answers a gap, as an unconfigured one does.
    public ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    public ILogsEvidence Logs => NoLogsEvidence.Instance;

    public IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

    public INetworkEvidence Network => NoNetworkEvidence.Instance;

    public IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

    public IEksEvidence Eks => NoEksEvidence.Instance;

    public IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

    public IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];

    public IEvidenceSource StartSession() => this;

    public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken)
    {
        Calls++;
        if (Gaps.TryGetValue("DescribeTasks", out var gap))
        {
            return Task.FromResult(EvidenceResult<EcsTask>.Missing(gap));
        }

        var found = Tasks.FirstOrDefault(t => t.TaskId == task.TaskId);
        return Task.FromResult(found is null
            ? EvidenceResult<EcsTask>.Missing(new EvidenceGap("ecs", "DescribeTasks", GapReason.NotFound, $"No task {task.TaskId} in cluster prod."))
            : EvidenceResult<EcsTask>.Found(found));
    }

    public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken)
    {
        Calls++;
        if (Gaps.TryGetValue("DescribeTaskDefinition", out var gap))
        {
            return Task.FromResult(EvidenceResult<EcsTaskDefinition>.Missing(gap));
        }

        var found = TaskDefinitions.FirstOrDefault(d => d.TaskDefinitionArn == taskDefinitionArn);
        return Task.FromResult(found is null
            ? EvidenceResult<EcsTaskDefinition>.Missing(new EvidenceGap("ecs", "DescribeTaskDefinition", GapReason.NotFound, "Unable to describe task definition."))
            : EvidenceResult<EcsTaskDefinition>.Found(found));
    }
}
