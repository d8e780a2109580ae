using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during triage and beside its other reads, what the service playbooks ask for next:
/// <list type="bullet">
/// <item>the running tasks, and the first one's CloudTrail events and denial lines (playbooks 4 and 12);</item>
/// <item>the target groups, their load balancers, an ALB's attributes, their CloudWatch metrics and the tasks' security groups (5, 6, 13);</item>
/// <item>the last log lines of the stopped tasks that crashed (8);</item>
/// <item>once ECS could not place a task, the container instances (12).</item>
/// </list>
/// The session caches each answer under the key the playbooks use, so a playbook starts one round trip further
/// on; what fails here is reported by the playbook that needs it, not by triage.
/// </summary>
internal static class ServicePrefetch
{
    // Enough for the playbooks' first look; playbook 12 reads up to ten and asks for the rest itself.
    private const int RunningTasksDescribed = 3;
    private const string ApplicationLoadBalancerPath = ":loadbalancer/app/";

    /// <summary>
    /// Lists and describes the service's tasks from the subject's words alone, beside DescribeServices rather than
    /// after it: ListTasks needs only the cluster and the service's name.
    /// </summary>
    public static Task TasksAsync(IEvidenceSource evidence, string cluster, string serviceName, CancellationToken cancellationToken) =>
        Task.WhenAll(
            ServiceScope.TasksAsync(evidence.Ecs, cluster, serviceName, "RUNNING", RunningTasksDescribed, cancellationToken),
            ServiceScope.TasksAsync(evidence.Ecs, cluster, serviceName, "STOPPED", ServiceFactsReader.StoppedTasksRead, cancellationToken));

    public static Task ReadAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.WhenAll(
            ServiceScope.TasksAsync(evidence.Ecs, service, "RUNNING", RunningTasksDescribed, cancellationToken),
            LoadBalancersAsync(evidence, service, now, cancellationToken),
            TaskSecurityGroupsAsync(evidence, service, cancellationToken),
            CrashLastWords.PrefetchAsync(evidence, service, cancellationToken),
            HostsAsync(evidence, service, now, cancellationToken),
            AccessDenialReader.PrefetchAsync(evidence, service, now - AppAccessDeniedPlaybook.Window, now, cancellationToken));

    // Playbook 12 reads the hosts of the running tasks and of the placement events, once ECS says it could not place a task.
    private static Task HostsAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken) =>
        DeployStuckPlaybook.PlacementsOf(service, now) is { Count: > 0 } placements
            ? ClusterCapacity.ReadAsync(evidence.Ecs, service, placements.Select(p => p.ContainerInstanceId).OfType<string>(), cancellationToken)
            : Task.CompletedTask;

    // Playbook 6 checks whether the tasks' groups admit the health checks; only the load balancer's egress waits for more.
    private static Task TaskSecurityGroupsAsync(IEvidenceSource evidence, EcsService service, CancellationToken cancellationToken) =>
        service.LoadBalancers.Any(b => b.TargetGroupArn is not null) && service.NetworkConfiguration?.SecurityGroups is { Count: > 0 } groups
            ? evidence.Network.DescribeSecurityGroupsAsync(groups, AwsScope.FromArn(service.ServiceArn), cancellationToken)
            : Task.CompletedTask;

    private static async Task LoadBalancersAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken)
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
        // Playbooks 5, 6 and 13 read the groups' and load balancers' CloudWatch metrics, all in one call.
        var metrics = LoadBalancerMetrics.ReadAsync(evidence,
            ServiceLoadBalancerMetrics.GroupsOf(targetGroups.Select(arn => (arn, groups.FirstOrDefault(g => g.TargetGroupArn == arn)))), now, cancellationToken);
        await Task.WhenAll([.. balancers, .. attributes, metrics]).ConfigureAwait(false);
    }
}
