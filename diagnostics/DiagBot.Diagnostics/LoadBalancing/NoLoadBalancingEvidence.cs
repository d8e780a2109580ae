using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>Stands in for load-balancing evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoLoadBalancingEvidence : ILoadBalancingEvidence
{
    private const string Source = "elasticloadbalancing";

    public static readonly NoLoadBalancingEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsAsync(
        IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<TargetGroup>>(Source, "DescribeTargetGroups");

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsOfLoadBalancerAsync(
        string loadBalancerArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<TargetGroup>>(Source, "DescribeTargetGroups");

    public Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<TargetHealthDescription>>(Source, "DescribeTargetHealth");

    public Task<EvidenceResult<IReadOnlyList<LoadBalancer>>> DescribeLoadBalancersAsync(
        IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<LoadBalancer>>(Source, "DescribeLoadBalancers");

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeLoadBalancerAttributesAsync(
        string loadBalancerArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyDictionary<string, string>>(Source, "DescribeLoadBalancerAttributes");

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsByNameAsync(string name, AwsScope where, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<TargetGroup>>("elasticloadbalancing", "DescribeTargetGroups");

    public Task<EvidenceResult<IReadOnlyList<Listener>>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<Listener>>("elasticloadbalancing", "DescribeListeners");

    public Task<EvidenceResult<IReadOnlyList<ListenerRule>>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<ListenerRule>>("elasticloadbalancing", "DescribeRules");

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyDictionary<string, string>>(Source, "DescribeTags");
}
