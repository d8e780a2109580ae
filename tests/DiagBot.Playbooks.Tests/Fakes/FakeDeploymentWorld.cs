using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>One Deployment with no pods, recording the labelSelector each pod list was asked with.</summary>
internal sealed class FakeDeploymentWorld(KubeDeployment deployment) : EvidenceFake, IKubernetesFake
{
    public const string Cluster = "test-eks";

    public List<string?> PodListSelectors { get; } = [];

    public override IEcsEvidence Ecs { get; } = new ScriptedEvidence();

    public override IKubernetesEvidence Kubernetes => this;

    public IReadOnlyList<string> Clusters => [Cluster];

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
