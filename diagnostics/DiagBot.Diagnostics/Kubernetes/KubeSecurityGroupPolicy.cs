namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// A SecurityGroupPolicy (vpcresources.k8s.aws/v1beta1, namespaced; amazon-vpc-resource-controller-k8s
/// config/crd/bases/vpcresources.k8s.aws_securitygrouppolicies.yaml): the security groups the VPC resource controller
/// puts on the branch interface of each pod it selects, by the pod's labels, its service account's labels, or both.
/// </summary>
public sealed record KubeSecurityGroupPolicy
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    /// <summary>spec.podSelector, null when absent.</summary>
    public KubeLabelSelector? PodSelector { get; init; }

    /// <summary>spec.serviceAccountSelector, null when absent: matched against the labels of the pod's service account.</summary>
    public KubeLabelSelector? ServiceAccountSelector { get; init; }

    /// <summary>spec.securityGroups.groupIds.</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];
}
