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
    Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(
        string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>kube-system/aws-node, the VPC CNI: its env says whether prefix delegation is on.</summary>
    Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>
    /// The last lines a container wrote (GET .../pods/{name}/log, RBAC "get pods/log"); with the query's Previous
    /// the run before the current one, which is where a crash-looping container said why it exited. Not redacted here.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<string>>> GetPodLogAsync(string cluster, KubeLogQuery query, CancellationToken cancellationToken);

    /// <summary>An apps/v1 Deployment; an unknown one is a NotFound gap.</summary>
    Task<EvidenceResult<KubeDeployment>> GetDeploymentAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>One node by name; a node already deleted (a reclaimed Spot instance, a consolidated node) is a NotFound gap.</summary>
    Task<EvidenceResult<KubeNode>> GetNodeAsync(string cluster, string name, CancellationToken cancellationToken);

    Task<EvidenceResult<KubeService>> GetServiceAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>The TargetGroupBindings of a namespace, or of every namespace when it is null (the AWS Load Balancer Controller's CRD).</summary>
    Task<EvidenceResult<IReadOnlyList<KubeTargetGroupBinding>>> ListTargetGroupBindingsAsync(
        string cluster, string? @namespace, CancellationToken cancellationToken);

    /// <summary>
    /// The SecurityGroupPolicies of a namespace (the VPC resource controller's CRD, vpcresources.k8s.aws/v1beta1): which of them
    /// gave a pod with security groups of its own those groups. A cluster without the CRD answers 404, a NotFound gap.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<KubeSecurityGroupPolicy>>> ListSecurityGroupPoliciesAsync(
        string cluster, string @namespace, CancellationToken cancellationToken);

    /// <summary>The EKS cluster behind a configured cluster (its Eks section), for the EKS and EC2 reads about it; null when not EKS-configured.</summary>
    KubeEksCluster? EksClusterOf(string cluster);
}

/// <summary>An EKS cluster's name and where it lives, as configured under DiagBot:Kubernetes:Clusters:n:Eks.</summary>
public sealed record KubeEksCluster(string ClusterName, Aws.AwsScope Scope);

/// <summary>Which log to read: the pod, its container, the previous run or the current one, and how many lines from the end.</summary>
public sealed record KubeLogQuery(string Namespace, string Pod, string Container, bool Previous, int TailLines);
