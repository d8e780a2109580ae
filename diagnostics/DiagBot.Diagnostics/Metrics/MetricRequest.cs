namespace DiagBot.Diagnostics.Metrics;

/// <summary>
/// The metrics one diagnosis asks for over one window, in one GetMetricData call. Region and account default to the
/// configured ones; for a task or load balancer, take them from its ARN.
/// </summary>
public sealed record MetricRequest(IReadOnlyList<MetricQuery> Queries, DateTimeOffset Start, DateTimeOffset End, string? Region = null, string? AccountId = null)
{
    /// <summary>GetMetricData takes at most 500 queries a call (API reference, MetricDataQueries).</summary>
    public const int MaxQueries = 500;
}

/// <summary>
/// One metric and statistic: <paramref name="Id"/> starts with a lowercase letter (letters, digits, underscores);
/// <paramref name="Stat"/> is Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99;
/// <paramref name="PeriodSeconds"/> is a multiple of 60. CloudWatch matches a metric by all of its dimensions.
/// </summary>
public sealed record MetricQuery(string Id, string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, int PeriodSeconds, string Stat);

public sealed record MetricDimension(string Name, string Value);

/// <summary>One query's answer: its points in time order, and whether CloudWatch had them all.</summary>
public sealed record MetricResult(string Id, string Label, IReadOnlyList<MetricPoint> Points, bool Complete);

public sealed record MetricPoint(DateTimeOffset At, double Value);
