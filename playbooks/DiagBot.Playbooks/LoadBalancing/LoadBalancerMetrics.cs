using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The AWS/ApplicationELB metrics of a service's target groups and their load balancers over the last three hours, in
/// one GetMetricData call that playbooks 5, 6 and 13 share (and triage's prefetch starts): per target group
/// HealthyHostCount (Minimum), UnHealthyHostCount (Maximum) and TargetResponseTime p50 and p99; per load balancer the
/// 503s and 504s it generated itself (HTTPCode_ELB_503_Count, HTTPCode_ELB_504_Count, Sum) and the 5XX its targets
/// answered (HTTPCode_Target_5XX_Count, Sum), which tells an app's own 504 from the load balancer's. ELB User Guide,
/// "CloudWatch metrics for your Application Load Balancer": dimensions TargetGroup and LoadBalancer, the ends of the ARNs.
/// </summary>
internal static class LoadBalancerMetrics
{
    public const string Source = "cloudwatch:GetMetricData";
    public const string Namespace = "AWS/ApplicationELB";
    public const string Elb503 = "HTTPCode_ELB_503_Count";
    public const string Elb504 = "HTTPCode_ELB_504_Count";
    public const string Target5xx = "HTTPCode_Target_5XX_Count";
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);
    private const int PeriodSeconds = 60;
    private const string ApplicationLoadBalancerPath = ":loadbalancer/app/";

    /// <summary>The groups in the service's order, each with its load balancers; only Application Load Balancers publish these.</summary>
    public static MetricRequest? RequestFor(IReadOnlyList<(string TargetGroupArn, IReadOnlyList<string> LoadBalancerArns)> groups, DateTimeOffset now)
    {
        var pairs = groups.SelectMany(g => g.LoadBalancerArns.Where(IsApplication).Select(lb => (Group: g.TargetGroupArn, Balancer: lb))).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var queries = new List<MetricQuery>();
        for (var i = 0; i < pairs.Count; i++)
        {
            IReadOnlyList<MetricDimension> both = [new("TargetGroup", TargetGroupDimension(pairs[i].Group)), new("LoadBalancer", LoadBalancerDimension(pairs[i].Balancer))];
            queries.Add(new($"healthy{i}", Namespace, "HealthyHostCount", both, PeriodSeconds, "Minimum"));
            queries.Add(new($"unhealthy{i}", Namespace, "UnHealthyHostCount", both, PeriodSeconds, "Maximum"));
            queries.Add(new($"p50_{i}", Namespace, "TargetResponseTime", both, PeriodSeconds, "p50"));
            queries.Add(new($"p99_{i}", Namespace, "TargetResponseTime", both, PeriodSeconds, "p99"));
        }

        var balancers = pairs.Select(p => p.Balancer).Distinct().ToList();
        for (var i = 0; i < balancers.Count; i++)
        {
            IReadOnlyList<MetricDimension> lb = [new("LoadBalancer", LoadBalancerDimension(balancers[i]))];
            queries.Add(new($"elb503_{i}", Namespace, Elb503, lb, PeriodSeconds, "Sum"));
            queries.Add(new($"elb504_{i}", Namespace, Elb504, lb, PeriodSeconds, "Sum"));
            queries.Add(new($"target5xx_{i}", Namespace, Target5xx, lb, PeriodSeconds, "Sum"));
        }

        // The window ends on a whole minute, so the prefetch and a playbook a few seconds later ask the same question.
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var scope = AwsScope.FromArn(pairs[0].Balancer);
        return new MetricRequest(queries, end - Window, end, scope.Region, scope.AccountId);
    }

    public static async Task<(IReadOnlyList<TargetGroupMetrics> Groups, EvidenceGap? Gap)> ReadAsync(IEvidenceSource evidence,
        IReadOnlyList<(string TargetGroupArn, IReadOnlyList<string> LoadBalancerArns)> groups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RequestFor(groups, now) is not { } request)
        {
            return ([], null);
        }

        var result = await evidence.Metrics.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } metrics)
        {
            return ([], result.Gap);
        }

        IReadOnlyList<MetricPoint> Of(string id) => metrics.FirstOrDefault(m => m.Id == id)?.Points ?? [];
        var pairs = groups.SelectMany(g => g.LoadBalancerArns.Where(IsApplication).Select(lb => (Group: g.TargetGroupArn, Balancer: lb))).ToList();
        var balancers = pairs.Select(p => p.Balancer).Distinct().ToList();
        return ([.. pairs.Select((p, i) => new TargetGroupMetrics(p.Group, p.Balancer, Of($"healthy{i}"), Of($"unhealthy{i}"), Of($"p50_{i}"), Of($"p99_{i}"),
            Of($"elb503_{balancers.IndexOf(p.Balancer)}"), Of($"elb504_{balancers.IndexOf(p.Balancer)}"))
            { Target5xx = Of($"target5xx_{balancers.IndexOf(p.Balancer)}") })], null);
    }

    public static string LoadBalancerDimension(string arn) => arn[(arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];

    public static string TargetGroupDimension(string arn) => arn[(arn.LastIndexOf(':') + 1)..];

    private static bool IsApplication(string arn) => arn.Contains(ApplicationLoadBalancerPath, StringComparison.Ordinal);
}

/// <summary>One target group behind one Application Load Balancer: its host counts and response times, and the balancer's own 5XX.</summary>
internal sealed record TargetGroupMetrics(
    string TargetGroupArn,
    string LoadBalancerArn,
    IReadOnlyList<MetricPoint> Healthy,
    IReadOnlyList<MetricPoint> Unhealthy,
    IReadOnlyList<MetricPoint> P50,
    IReadOnlyList<MetricPoint> P99,
    IReadOnlyList<MetricPoint> Elb503,
    IReadOnlyList<MetricPoint> Elb504)
{
    /// <summary>The 5XX the load balancer's targets answered themselves (HTTPCode_Target_5XX_Count), an app's own 504 among them.</summary>
    public IReadOnlyList<MetricPoint> Target5xx { get; init; } = [];

    public string GroupName => TargetGroupArn.Split('/') is { Length: >= 2 } parts ? parts[1] : TargetGroupArn;

    public string BalancerName => LoadBalancerArn.Split('/') is { Length: >= 3 } parts ? parts[2] : LoadBalancerArn;

    /// <summary>Since when the group has had no healthy host, if it has none now and had some before in the window.</summary>
    public DateTimeOffset? NoHealthySince()
    {
        if (Healthy.Count == 0 || Healthy[^1].Value > 0)
        {
            return null;
        }

        var lastHealthy = Healthy.LastOrDefault(p => p.Value > 0);
        return lastHealthy is null ? Healthy[0].At : Healthy.First(p => p.At > lastHealthy.At).At;
    }
}
