namespace DiagBot.Sandbox.Aws.Throttling;

/// <summary>
/// The request rates AWS documents for the operations the sandbox serves, keyed by signing name and operation.
/// Written from AWS's pages, independently of DiagBot's own table (the sandbox shares no code with diagnostics/).
/// </summary>
internal static class DocumentedRates
{
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html ("API action category" table):
    // Cluster read actions 50/20, Task definition read actions (DescribeTaskDefinition, ListTaskDefinitions) 50/20, Cluster resource read actions 100/20,
    // Service read actions 100/20; every action of a category draws on the category's one bucket.
    private static readonly Dictionary<string, DocumentedRate> Ecs = new(StringComparer.Ordinal)
    {
        ["ListClusters"] = new("ecs:cluster-read", 50, 20),
        ["DescribeClusters"] = new("ecs:cluster-read", 50, 20),
        ["DescribeTaskDefinition"] = new("ecs:task-definition-read", 50, 20),
        ["ListTaskDefinitions"] = new("ecs:task-definition-read", 50, 20),
        ["DescribeTasks"] = new("ecs:cluster-resource-read", 100, 20),
        ["ListTasks"] = new("ecs:cluster-resource-read", 100, 20),
        ["DescribeContainerInstances"] = new("ecs:cluster-resource-read", 100, 20),
        ["ListContainerInstances"] = new("ecs:cluster-resource-read", 100, 20),
        ["DescribeServices"] = new("ecs:service-read", 100, 20),
        ["ListServices"] = new("ecs:service-read", 100, 20),
    };

    public static DocumentedRate? For(string signingName, string operation) => signingName switch
    {
        "ecs" => Ecs.GetValueOrDefault(operation),

        // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html: the
        // non-mutating Describe* actions share a bucket of 40 refilled at 10 a second.
        "elasticloadbalancing" when operation.StartsWith("Describe", StringComparison.Ordinal) => new("elb:describe", 40, 10),

        // https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html: per action; a non-mutating
        // Describe* action has a bucket of 100 refilled at 20 a second.
        "ec2" => new("ec2:" + operation, 100, 20),

        // https://docs.aws.amazon.com/general/latest/gr/cwl_region.html: FilterLogEvents 5, GetLogEvents 25 a second.
        "logs" when operation == "FilterLogEvents" => new("logs:FilterLogEvents", 5, 5),
        "logs" when operation == "GetLogEvents" => new("logs:GetLogEvents", 25, 25),

        // https://docs.aws.amazon.com/general/latest/gr/ct.html: LookupEvents, 2 a second.
        "cloudtrail" when operation == "LookupEvents" => new("cloudtrail:LookupEvents", 2, 2),

        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html: GetMetricData 50 and
        // ListMetrics 25 transactions per second, each its own quota.
        "monitoring" when operation == "GetMetricData" => new("cloudwatch:GetMetricData", 50, 50),
        "monitoring" when operation == "ListMetrics" => new("cloudwatch:ListMetrics", 25, 25),

        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: 600 a second, shared.
        "sts" => new("sts", 600, 600),
        _ => null,
    };
}
