using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during triage and beside its other reads, what the service playbooks certainly ask for next: the running
/// tasks (playbooks 4 and 12), the target groups and their load balancers (playbooks 5, 6 and 13). The session
/// caches each answer under the key the playbooks use, so a playbook starts one round trip further on; what
/// fails here is reported by the playbook that needs it, not by triage.
/// </summary>
internal static class ServicePrefetch
{
    // Enough for the playbooks' first look; playbook 12 reads up to ten and asks for the rest itself.
    private const int RunningTasksDescribed = 3;

    public static Task ReadAsync(IEvidenceSource evidence, EcsService service, CancellationToken cancellationToken) =>
        Task.WhenAll(
            ServiceScope.TasksAsync(evidence.Ecs, service, "RUNNING", RunningTasksDescribed, cancellationToken),
            LoadBalancersAsync(evidence, service, cancellationToken));

    private static async Task LoadBalancersAsync(IEvidenceSource evidence, EcsService service, CancellationToken cancellationToken)
    {
        // The same ARNs in the same order as the load-balancer playbooks ask, so the cache key matches.
        var targetGroups = service.LoadBalancers.Select(b => b.TargetGroupArn).OfType<string>().Distinct().ToList();
        if (targetGroups.Count == 0)
        {
            return;
        }

        var groups = await evidence.LoadBalancing.DescribeTargetGroupsAsync(targetGroups, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll((groups.Value ?? [])
            .Where(g => g.LoadBalancerArns.Count > 0)
            .Select(g => evidence.LoadBalancing.DescribeLoadBalancersAsync(g.LoadBalancerArns, cancellationToken))).ConfigureAwait(false);
    }
}
