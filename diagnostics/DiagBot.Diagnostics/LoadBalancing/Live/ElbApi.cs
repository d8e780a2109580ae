using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.LoadBalancing.Live;

/// <summary>The ELBv2 operations we call and their IAM actions.</summary>
internal static class ElbApi
{
    public const string Version = "2015-12-01";

    /// <summary>Pages followed at most, so a huge account cannot eat the whole diagnosis budget.</summary>
    public const int MaxPages = 10;

    public static readonly AwsOperation DescribeTargetGroups = Operation("DescribeTargetGroups");
    public static readonly AwsOperation DescribeTargetHealth = Operation("DescribeTargetHealth");
    public static readonly AwsOperation DescribeLoadBalancers = Operation("DescribeLoadBalancers");
    public static readonly AwsOperation DescribeLoadBalancerAttributes = Operation("DescribeLoadBalancerAttributes");
    public static readonly AwsOperation DescribeListeners = Operation("DescribeListeners");
    public static readonly AwsOperation DescribeRules = Operation("DescribeRules");

    /// <summary>What the AWS Load Balancer Controller tags its groups with says who owns a group (elbv2.k8s.aws/cluster, ingress.k8s.aws/stack).</summary>
    public static readonly AwsOperation DescribeTags = Operation("DescribeTags");

    public static IReadOnlyList<AwsOperation> Operations { get; } =
        [DescribeTargetGroups, DescribeTargetHealth, DescribeLoadBalancers, DescribeLoadBalancerAttributes, DescribeListeners, DescribeRules, DescribeTags];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];

    private static AwsOperation Operation(string name) => new(AwsService.ElasticLoadBalancing, name, $"elasticloadbalancing:{name}");
}
