using System.Globalization;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What TargetResponseTime adds to a 504: a p99 at or over the idle timeout confirms the load balancer cut requests
/// off (it records a request it timed out at about the timeout), and the chart of p50 and p99 against that line,
/// with the 504s the load balancer answered itself.
/// </summary>
internal static class ResponseTimeEvidence
{
    public const string ChartKind = "response-time-vs-idle-timeout";

    // A p99 within 2 % of the timeout is at it: CloudWatch reports the cut requests a little under the exact value.
    private const double AtTimeoutShare = 0.98;

    public static async Task<Verdict> AddAsync(Verdict verdict, DiagnosisContext context, CancellationToken cancellationToken)
    {
        var (groups, gap, _) = await ServiceLoadBalancerMetrics.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        return await AddAsync(verdict, context, groups, gap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same, from metrics already read: a pod's target groups on EKS come from its TargetGroupBindings, not an ECS service.</summary>
    public static async Task<Verdict> AddAsync(
        Verdict verdict, DiagnosisContext context, IReadOnlyList<TargetGroupMetrics> groups, EvidenceGap? gap, CancellationToken cancellationToken)
    {
        if (gap is not null)
        {
            return verdict with { Missing = [.. verdict.Missing, gap] };
        }

        if (groups.FirstOrDefault(g => g.P99.Count > 0) is not { } group)
        {
            return verdict;
        }

        var attributes = await context.Evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(group.LoadBalancerArn, cancellationToken).ConfigureAwait(false);
        var idle = IdleTimeout.Of(attributes.Value) ?? IdleTimeout.DefaultSeconds;
        var p99 = group.P99.Max(p => p.Value);
        var errors = group.Elb504.Sum(p => p.Value);
        var targets5xx = group.Target5xx.Sum(p => p.Value);
        var atTimeout = p99 >= idle * AtTimeoutShare;
        List<EvidenceItem> evidence =
        [
            .. verdict.Evidence,
            new(LoadBalancerMetrics.Source, $"target group {group.GroupName} TargetResponseTime p99, highest minute in the last 3 h", $"{Seconds(p99)} s (idle timeout {idle} s)"),
            new(LoadBalancerMetrics.Source, $"load balancer {group.BalancerName} {LoadBalancerMetrics.Elb504} in the last 3 h", Seconds(errors)),
            new(LoadBalancerMetrics.Source, $"load balancer {group.BalancerName} {LoadBalancerMetrics.Target5xx} in the last 3 h", Seconds(targets5xx)),
        ];
        // Without the load balancer's own idle timeout the line is only the default: it cannot confirm.
        var confirmed = atTimeout && attributes.Value is not null && verdict.Status is VerdictStatus.Inconclusive or VerdictStatus.Likely;
        return verdict with
        {
            Evidence = evidence,
            Status = confirmed ? VerdictStatus.Confirmed : verdict.Status,
            RootCause = confirmed
                ? $"Load balancer {group.BalancerName} cuts requests to {group.GroupName} at its {idle} s idle timeout: their p99 response time reached {Seconds(p99)} s and it answered {Seconds(errors)} 504s in the last 3 hours."
                : verdict.Status == VerdictStatus.RuledOut && errors == 0 && targets5xx > 0
                    ? $"{verdict.RootCause} The {Seconds(targets5xx)} 5XX of the last 3 hours are the targets' own answers ({LoadBalancerMetrics.Target5xx}), "
                        + $"and {group.BalancerName} answered no 504 itself: a 504 a client sees comes from the app or what it calls."
                    : verdict.RootCause,
            Charts = [.. verdict.Charts, Chart(group, idle, atTimeout)],
        };
    }

    private static Chart Chart(TargetGroupMetrics group, int idle, bool atTimeout) => new(
        ChartKind,
        atTimeout
            ? $"{group.GroupName} p99 response time hits {group.BalancerName}'s {idle} s idle timeout: clients get 504"
            : $"{group.GroupName} p99 response time stays under {group.BalancerName}'s {idle} s idle timeout",
        "Seconds",
        [
            new ChartSeries("p50 TargetResponseTime", Points(group.P50)),
            new ChartSeries("p99 TargetResponseTime", Points(group.P99)),
            new ChartSeries(LoadBalancerMetrics.Elb504, Points(group.Elb504)),
        ],
        [],
        [new ChartThreshold(idle, $"idle timeout {idle} s")]);

    private static List<ChartPoint> Points(IReadOnlyList<Diagnostics.Metrics.MetricPoint> points) => [.. points.Select(p => new ChartPoint(p.At, p.Value))];

    private static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
