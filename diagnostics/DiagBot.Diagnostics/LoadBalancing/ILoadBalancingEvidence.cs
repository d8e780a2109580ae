using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>What diagnoses read from Elastic Load Balancing (v2). Failures come back as gaps, never as exceptions.</summary>
public interface ILoadBalancingEvidence
{
    /// <summary>DescribeTargetGroups for the given ARNs (for instance an ECS service's loadBalancers).</summary>
    Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken);

    /// <summary>DescribeTargetGroups of one load balancer, every page.</summary>
    Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsOfLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<LoadBalancer>>> DescribeLoadBalancersAsync(IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken);

    /// <summary>The attributes by key, e.g. "idle_timeout.timeout_seconds" = "60".</summary>
    Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken);

    /// <summary>DescribeTargetGroups by name (Names), in the given account and region; an unknown name is a NotFound gap.</summary>
    Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsByNameAsync(string name, AwsScope where, CancellationToken cancellationToken);

    /// <summary>DescribeListeners of one load balancer, every page: where its requests go by default.</summary>
    Task<EvidenceResult<IReadOnlyList<Listener>>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken);

    /// <summary>DescribeRules of one listener, every page, the default rule included.</summary>
    Task<EvidenceResult<IReadOnlyList<ListenerRule>>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>
    /// The tags of one ELBv2 resource by key (DescribeTags with one ResourceArns member); a resource without tags answers
    /// an empty set, an unknown one a NotFound gap.
    /// </summary>
    Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken);
}
