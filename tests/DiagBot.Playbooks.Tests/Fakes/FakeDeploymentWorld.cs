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

/// <summary>One Deployment with no pods, recording the labelSelector each pod list was asked with.</summary>
internal sealed class FakeDeploymentWorld(KubeDeployment deployment) : IEvidenceSource, IEvidenceSessionFactory, IKubernetesFake
{
    public const string Cluster = "test-eks";

    public List<string?> PodListSelectors { get; } = [];

    public IEcsEvidence Ecs { get; } = new FakeEcsEvidence();

    public IKubernetesEvidence Kubernetes => this;

    // The sources this fake does not hold, named so none falls to a default: each answers a gap, as an unconfigured one does.
    public ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    public ILogsEvidence Logs => NoLogsEvidence.Instance;

    public IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

    public INetworkEvidence Network => NoNetworkEvidence.Instance;

    public IEksEvidence Eks => NoEksEvidence.Instance;

    public IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

    public IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];

    public IReadOnlyList<string> Clusters => [Cluster];

    public IEvidenceSource StartSession() => this;

    public Task<EvidenceResult<KubeDeployment>> GetDeploymentAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(EvidenceResult<KubeDeployment>.Found(deployment));

    public Task<EvidenceResult<IReadOnlyList<KubePod>>> ListPodsAsync(string cluster, string @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        PodListSelectors.Add(labelSelector);
        return Task.FromResult(EvidenceResult<IReadOnlyList<KubePod>>.Found([]));
    }

    public Task<EvidenceResult<KubePod>> GetPodAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("no pod is read when the deployment has none");

    public Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(
        string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("no pod is read when the deployment has none");

    public Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken) =>
        throw new NotSupportedException("no pod is read when the deployment has none");

    public Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken) =>
        throw new NotSupportedException("no pod is read when the deployment has none");
}
