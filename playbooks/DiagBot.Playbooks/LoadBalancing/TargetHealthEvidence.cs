using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// What HealthyHostCount and UnHealthyHostCount add to a 503 (5) or to unhealthy targets (6): since when the group has
/// had no healthy host, whether a deployment started just before, and the chart of both counts with the load
/// balancer's own 503s and the deployments marked.
/// </summary>
internal static class TargetHealthEvidence
{
    public const string ChartKind = "target-health";

    // A deployment this long before the last healthy minute is taken as what emptied the group.
    private static readonly TimeSpan DeploymentLead = TimeSpan.FromMinutes(10);

    public static async Task<Verdict> AddAsync(Verdict verdict, DiagnosisContext context, bool with503s, CancellationToken cancellationToken)
    {
        if (verdict.Status is not (VerdictStatus.Confirmed or VerdictStatus.Likely))
        {
            return verdict;
        }

        var (groups, gap, targets) = await ServiceLoadBalancerMetrics.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (gap is not null)
        {
            return verdict with { Missing = [.. verdict.Missing, gap] };
        }

        if (targets is null || groups.FirstOrDefault(g => g.Healthy.Count > 0) is not { } group)
        {
            return verdict;
        }

        var since = group.NoHealthySince();
        var deployment = since is { } s ? targets.Service.Deployments.Where(d => d.CreatedAt is { } at && at <= s && at >= s - DeploymentLead).MaxBy(d => d.CreatedAt) : null;
        var now = group.Healthy[^1].Value;
        List<EvidenceItem> evidence =
        [
            .. verdict.Evidence,
            new(LoadBalancerMetrics.Source, $"target group {group.GroupName} HealthyHostCount, last 3 h",
                since is { } from ? $"0 since {Clock(from)} UTC ({group.Healthy.Max(p => p.Value):0} before)" : $"{now:0} now, lowest {group.Healthy.Min(p => p.Value):0}"),
        ];
        if (deployment is not null)
        {
            evidence.Add(new(LoadBalancerMetrics.Source, $"deployment before the healthy hosts went to 0 (ecs:DescribeServices {deployment.Id})", $"started {Clock(deployment.CreatedAt!.Value)} UTC"));
        }

        if (with503s)
        {
            evidence.Add(new(LoadBalancerMetrics.Source, $"load balancer {group.BalancerName} {LoadBalancerMetrics.Elb503} in the last 3 h", $"{group.Elb503.Sum(p => p.Value):0}"));
        }

        return verdict with { Evidence = evidence, Charts = [.. verdict.Charts, Chart(group, targets.Service, since, deployment, with503s)] };
    }

    private static Chart Chart(TargetGroupMetrics group, EcsService service, DateTimeOffset? since, EcsDeployment? deployment, bool with503s)
    {
        var title = since is { } from
            ? $"{group.GroupName} has had no healthy target since {Clock(from)} UTC" + (deployment is null ? string.Empty : $", right after the deployment at {Clock(deployment.CreatedAt!.Value)} UTC")
            : $"{group.GroupName} healthy and unhealthy targets over the last 3 hours";
        List<ChartSeries> series =
        [
            new("HealthyHostCount", Points(group.Healthy)),
            new("UnHealthyHostCount", Points(group.Unhealthy)),
        ];
        if (with503s)
        {
            series.Add(new(LoadBalancerMetrics.Elb503, Points(group.Elb503)));
        }

        var start = group.Healthy[0].At;
        var markers = service.Deployments.Where(d => d.CreatedAt >= start)
            .Select(d => new ChartMarker(d.CreatedAt!.Value, $"deployment {d.Id} started")).OrderBy(m => m.At).ToList();
        return new Chart(ChartKind, title, "Hosts", series, markers, []);
    }

    private static List<ChartPoint> Points(IReadOnlyList<Diagnostics.Metrics.MetricPoint> points) => [.. points.Select(p => new ChartPoint(p.At, p.Value))];

    private static string Clock(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm", CultureInfo.InvariantCulture);
}
