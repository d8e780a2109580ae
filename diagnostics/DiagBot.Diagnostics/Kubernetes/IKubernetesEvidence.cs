using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>What diagnoses read from Kubernetes clusters, each named as configured. Failures come back as gaps.</summary>
public interface IKubernetesEvidence
{
    /// <summary>The configured cluster names, first the default.</summary>
    IReadOnlyList<string> Clusters { get; }

    Task<EvidenceResult<KubePod>> GetPodAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<KubePod>>> ListPodsAsync(string cluster, string @namespace, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>The events whose involvedObject is this object, oldest first.</summary>
    Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>kube-system/aws-node, the VPC CNI: its env says whether prefix delegation is on.</summary>
    Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken);
}
