using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The early reads the load-balancer modes (5, 6 and 13) share: the service's target groups, their load balancers,
/// an ALB's attributes and the groups' and load balancers' CloudWatch metrics, all asked the way the playbooks ask.
/// </summary>
internal static class ServiceLoadBalancerEarlyReads
{
    private const string ApplicationLoadBalancerPath = ":loadbalancer/app/";

    public static async Task ReadAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The same ARNs in the same order as the load-balancer playbooks ask, so the cache key matches.
        var targetGroups = service.LoadBalancers.Select(b => b.TargetGroupArn).OfType<string>().Distinct().ToList();
        if (targetGroups.Count == 0)
        {
            return;
        }

        var groups = (await evidence.LoadBalancing.DescribeTargetGroupsAsync(targetGroups, cancellationToken).ConfigureAwait(false)).Value ?? [];
        var balancers = groups.Where(g => g.LoadBalancerArns.Count > 0)
            .Select(g => evidence.LoadBalancing.DescribeLoadBalancersAsync(g.LoadBalancerArns, cancellationToken));

        // Playbook 13 compares request durations with an Application Load Balancer's idle timeout.
        var attributes = groups.SelectMany(g => g.LoadBalancerArns).Distinct()
            .Where(arn => arn.Contains(ApplicationLoadBalancerPath, StringComparison.Ordinal))
            .Select(arn => evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(arn, cancellationToken));
        var metrics = LoadBalancerMetrics.ReadAsync(evidence,
            ServiceLoadBalancerMetrics.GroupsOf(targetGroups.Select(arn => (arn, groups.FirstOrDefault(g => g.TargetGroupArn == arn)))), now, cancellationToken);
        await Task.WhenAll([.. balancers, .. attributes, metrics]).ConfigureAwait(false);
    }
}
