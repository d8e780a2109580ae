using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// The fakes' side of the evidence interfaces: an operation a fake does not write answers a gap, as a source that
/// cannot read it would. Only fakes have this; the product's clients write every operation (EvidenceInterfacesTests).
/// </summary>
internal interface IEcsFake : IEcsEvidence
{
    Task<EvidenceResult<IReadOnlyList<string>>> IEcsEvidence.ListTasksAsync(
        EcsTaskListQuery query, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<string>>("ecs", "ListTasks");

    Task<EvidenceResult<EcsService>> IEcsEvidence.DescribeServiceAsync(
        string cluster, string serviceName, CancellationToken cancellationToken) =>
        NotFaked.Gap<EcsService>("ecs", "DescribeServices");

    Task<EvidenceResult<IReadOnlyList<EcsContainerInstance>>> IEcsEvidence.DescribeContainerInstancesAsync(
        string cluster, IReadOnlyList<string> containerInstanceArns, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<EcsContainerInstance>>("ecs", "DescribeContainerInstances");

    Task<EvidenceResult<IReadOnlyList<string>>> IEcsEvidence.ListTasksStartedByAsync(
        string startedBy, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<string>>("ecs", "ListTasks");

    Task<EvidenceResult<EcsServiceSearch>> IEcsEvidence.DescribeAllServicesAsync(
        AwsScope where, CancellationToken cancellationToken) =>
        NotFaked.Gap<EcsServiceSearch>("ecs", "ListServices");
}

/// <summary>Gaps for the Network operations a fake does not write.</summary>
internal interface INetworkFake : INetworkEvidence
{
    Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> INetworkEvidence.DescribeNetworkInterfacesByAddressAsync(
         IReadOnlyList<string> privateIps, string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<NetworkInterface>>("ec2", "DescribeNetworkInterfaces");

    Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> INetworkEvidence.DescribeNetworkInterfacesAsync(
         IReadOnlyList<string> networkInterfaceIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<NetworkInterface>>("ec2", "DescribeNetworkInterfaces");

    Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> INetworkEvidence.DescribeInstancesAsync(
        IReadOnlyList<string> instanceIds, AwsScope scope, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<Ec2Instance>>("ec2", "DescribeInstances");

    Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> INetworkEvidence.DescribeInstancesByPrivateIpAsync(
        string privateIp, AwsScope scope, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<Ec2Instance>>("ec2", "DescribeInstances");
}

/// <summary>Gaps for the Kubernetes operations a fake does not write.</summary>
internal interface IKubernetesFake : IKubernetesEvidence
{
    Task<EvidenceResult<IReadOnlyList<string>>> IKubernetesEvidence.GetPodLogAsync(
        string cluster, KubeLogQuery query, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<string>>("kubernetes", "get pods/log");

    Task<EvidenceResult<KubeDeployment>> IKubernetesEvidence.GetDeploymentAsync(
        string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        NotFaked.Gap<KubeDeployment>("kubernetes", "get deployments");

    Task<EvidenceResult<KubeNode>> IKubernetesEvidence.GetNodeAsync(
        string cluster, string name, CancellationToken cancellationToken) =>
        NotFaked.Gap<KubeNode>("kubernetes", "get nodes");

    Task<EvidenceResult<KubeService>> IKubernetesEvidence.GetServiceAsync(
        string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        NotFaked.Gap<KubeService>("kubernetes", "get services");

    Task<EvidenceResult<IReadOnlyList<KubeTargetGroupBinding>>> IKubernetesEvidence.ListTargetGroupBindingsAsync(
        string cluster, string? @namespace, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<KubeTargetGroupBinding>>("kubernetes", "list targetgroupbindings");

    Task<EvidenceResult<IReadOnlyList<KubeSecurityGroupPolicy>>> IKubernetesEvidence.ListSecurityGroupPoliciesAsync(
        string cluster, string @namespace, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<KubeSecurityGroupPolicy>>("kubernetes", "list securitygrouppolicies");

    // A fake cluster is not an EKS one unless the fake says so: no EKS or EC2 read is made about it.
    KubeEksCluster? IKubernetesEvidence.EksClusterOf(string cluster) => null;
}

/// <summary>Gaps for the LoadBalancing operations a fake does not write.</summary>
internal interface ILoadBalancingFake : ILoadBalancingEvidence
{
    Task<EvidenceResult<IReadOnlyList<TargetGroup>>> ILoadBalancingEvidence.DescribeTargetGroupsByNameAsync(
        string name, AwsScope where, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<TargetGroup>>("elasticloadbalancing", "DescribeTargetGroups");

    Task<EvidenceResult<IReadOnlyList<Listener>>> ILoadBalancingEvidence.DescribeListenersAsync(
        string loadBalancerArn, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<Listener>>("elasticloadbalancing", "DescribeListeners");

    Task<EvidenceResult<IReadOnlyList<ListenerRule>>> ILoadBalancingEvidence.DescribeRulesAsync(
        string listenerArn, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyList<ListenerRule>>("elasticloadbalancing", "DescribeRules");

    Task<EvidenceResult<IReadOnlyDictionary<string, string>>> ILoadBalancingEvidence.DescribeTagsAsync(
        string resourceArn, CancellationToken cancellationToken) =>
        NotFaked.Gap<IReadOnlyDictionary<string, string>>("elasticloadbalancing", "DescribeTags");
}
