using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>Stands in for Kubernetes evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoKubernetesEvidence : IKubernetesEvidence
{
    private const string Source = "kubernetes";

    public static readonly NoKubernetesEvidence Instance = new();

    public IReadOnlyList<string> Clusters => [];

    public Task<EvidenceResult<KubePod>> GetPodAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        NotProvided.Gap<KubePod>(Source, "get pods");

    public Task<EvidenceResult<IReadOnlyList<KubePod>>> ListPodsAsync(
        string cluster, string @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<KubePod>>(Source, "list pods");

    public Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(
        string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<KubeEvent>>(Source, "list events");

    public Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<KubeNode>>(Source, "list nodes");

    public Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken) =>
        NotProvided.Gap<KubeDaemonSet>(Source, "get daemonsets");

    public Task<EvidenceResult<IReadOnlyList<string>>> GetPodLogAsync(string cluster, KubeLogQuery query, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<string>>(Source, "get pods/log");

    public Task<EvidenceResult<KubeDeployment>> GetDeploymentAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        NotProvided.Gap<KubeDeployment>("kubernetes", "get deployments");

    public Task<EvidenceResult<KubeNode>> GetNodeAsync(string cluster, string name, CancellationToken cancellationToken) =>
        NotProvided.Gap<KubeNode>("kubernetes", "get nodes");

    public Task<EvidenceResult<KubeService>> GetServiceAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        NotProvided.Gap<KubeService>("kubernetes", "get services");

    public Task<EvidenceResult<IReadOnlyList<KubeTargetGroupBinding>>> ListTargetGroupBindingsAsync(
        string cluster, string? @namespace, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<KubeTargetGroupBinding>>("kubernetes", "list targetgroupbindings");

    public Task<EvidenceResult<IReadOnlyList<KubeSecurityGroupPolicy>>> ListSecurityGroupPoliciesAsync(
        string cluster, string @namespace, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<KubeSecurityGroupPolicy>>("kubernetes", "list securitygrouppolicies");

    public KubeEksCluster? EksClusterOf(string cluster) => null;
}
