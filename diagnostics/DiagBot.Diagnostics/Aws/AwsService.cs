namespace DiagBot.Diagnostics.Aws;

/// <summary>An AWS service as the wire sees it.</summary>
/// <param name="Key">The configuration key under DiagBot:Aws:Endpoints and the gap's Source.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint.</param>
/// <param name="SigningName">The service name in the SigV4 credential scope.</param>
internal sealed record AwsService(string Key, string EndpointPrefix, string SigningName)
{
    public static readonly AwsService Ecs = new("ecs", "ecs", "ecs");
    public static readonly AwsService ElasticLoadBalancing = new("elasticloadbalancing", "elasticloadbalancing", "elasticloadbalancing");
    public static readonly AwsService Logs = new("logs", "logs", "logs");
    public static readonly AwsService CloudTrail = new("cloudtrail", "cloudtrail", "cloudtrail");
    public static readonly AwsService Ec2 = new("ec2", "ec2", "ec2");
    public static readonly AwsService Sts = new("sts", "sts", "sts");
    public static readonly AwsService Eks = new("eks", "eks", "eks");

    /// <summary>CloudWatch's endpoint prefix and signing name are "monitoring"; its IAM actions are "cloudwatch:*".</summary>
    public static readonly AwsService CloudWatch = new("monitoring", "monitoring", "monitoring");

    /// <summary>Not AWS, but its calls go through the same guard (timeout, budget, retries, a breaker per cluster).</summary>
    public static readonly AwsService Kubernetes = new("kubernetes", string.Empty, string.Empty);
}
