namespace DiagBot.Diagnostics.Aws.RateLimits;

/// <summary>
/// The documented request rates of every AWS operation DiagBot calls, per account and region, each with where AWS
/// defines it. An operation absent from the table (Kubernetes, which is not AWS) is not limited here.
/// </summary>
internal static class AwsRateTable
{
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html: buckets are per API action
    // category, shared by every action in it. "Cluster read actions" (ListClusters) 50/20, "Task definition read
    // actions" 50/20, "Cluster resource read actions" (DescribeContainerInstances, DescribeTasks, ListTasks) 100/20,
    // "Service read actions" (DescribeServices, ListServices) 100/20.
    private static readonly AwsRate EcsClusterRead = new("ecs:cluster-read", 50, 20);
    private static readonly AwsRate EcsTaskDefinitionRead = new("ecs:task-definition-read", 50, 20);
    private static readonly AwsRate EcsClusterResourceRead = new("ecs:cluster-resource-read", 100, 20);
    private static readonly AwsRate EcsServiceRead = new("ecs:service-read", 100, 20);

    // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html: the non-mutating
    // (Describe*) actions of ELB API version 2 share one bucket of 40 tokens refilled at 10 a second.
    private static readonly AwsRate ElbDescribe = new("elasticloadbalancing:describe", 40, 10);

    // https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html: request rate limiting is per API; a
    // non-mutating Describe* action has a bucket of 100 tokens refilled at 20 a second.
    private const int Ec2DescribeBurst = 100;
    private const double Ec2DescribePerSecond = 20;

    // https://docs.aws.amazon.com/general/latest/gr/cwl_region.html and
    // https://repost.aws/knowledge-center/cloudwatch-logs-throttling: FilterLogEvents 5 and GetLogEvents 25
    // transactions per second per account and region, hard limits.
    private static readonly AwsRate LogsFilter = new("logs:FilterLogEvents", 5, 5);
    private static readonly AwsRate LogsGet = new("logs:GetLogEvents", 25, 25);

    // https://docs.aws.amazon.com/general/latest/gr/ct.html: LookupEvents, 2 transactions per second per account and region.
    private static readonly AwsRate CloudTrailLookup = new("cloudtrail:LookupEvents", 2, 2);

    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: 600 requests per second per account
    // and region, shared by AssumeRole, GetCallerIdentity and the other credential operations.
    private static readonly AwsRate Sts = new("sts", 600, 600);

    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html: GetMetricData, 50
    // transactions per second per account and region.
    private static readonly AwsRate MetricData = new("monitoring:GetMetricData", 50, 50);

    // AWS publishes no request rate for the EKS read actions (DescribeCluster, ListFargateProfiles,
    // DescribeFargateProfile); this bucket is DiagBot's own, as low as the lowest ECS read category.
    private static readonly AwsRate EksRead = new("eks:read", 20, 10);

    public static AwsRate? For(string serviceKey, string operation) => serviceKey switch
    {
        "ecs" => operation switch
        {
            "ListClusters" or "DescribeClusters" => EcsClusterRead,
            "DescribeTaskDefinition" => EcsTaskDefinitionRead,
            "DescribeTasks" or "ListTasks" or "DescribeContainerInstances" => EcsClusterResourceRead,
            "DescribeServices" or "ListServices" => EcsServiceRead,
            _ => null,
        },
        "elasticloadbalancing" => ElbDescribe,
        "ec2" => new AwsRate("ec2:" + operation, Ec2DescribeBurst, Ec2DescribePerSecond),
        "logs" => operation == "FilterLogEvents" ? LogsFilter : LogsGet,
        "cloudtrail" => CloudTrailLookup,
        "sts" => Sts,
        "monitoring" => MetricData,
        "eks" => EksRead,
        _ => null,
    };
}
