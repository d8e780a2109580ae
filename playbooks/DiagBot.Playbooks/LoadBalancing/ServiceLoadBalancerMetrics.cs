using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The load balancer metrics of the service a playbook just investigated: the service and its target groups come from
/// the session's cache (the playbook read them a moment ago), the metrics from the one call triage's prefetch started.
/// </summary>
internal static class ServiceLoadBalancerMetrics
{
    public static async Task<(IReadOnlyList<TargetGroupMetrics> Groups, EvidenceGap? Gap, ServiceTargets? Targets)> ReadAsync(
        DiagnosisContext context, CancellationToken cancellationToken)
    {
        var resolved = await LoadBalancedService.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (resolved.Service is not { } service || !service.LoadBalancers.Any(b => b.TargetGroupArn is not null))
        {
            return ([], null, null);
        }

        var targets = await ServiceTargetsReader.ReadAsync(context, resolved, service, cancellationToken).ConfigureAwait(false);
        var (groups, gap) = await LoadBalancerMetrics.ReadAsync(context.Evidence, GroupsOf(targets.Groups.Select(g => (g.Arn, g.Group))), context.Now, cancellationToken)
            .ConfigureAwait(false);
        return (groups, gap, targets);
    }

    /// <summary>Each group with the load balancers DescribeTargetGroups named, in the service's order: the prefetch asks the same.</summary>
    public static IReadOnlyList<(string TargetGroupArn, IReadOnlyList<string> LoadBalancerArns)> GroupsOf(IEnumerable<(string Arn, TargetGroup? Group)> groups) =>
        [.. groups.Select(g => (g.Arn, g.Group?.LoadBalancerArns ?? (IReadOnlyList<string>)[]))];
}
