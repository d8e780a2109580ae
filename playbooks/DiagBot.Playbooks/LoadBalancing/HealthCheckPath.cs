using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The security-group path of a health check: from the load balancer's groups to the tasks' groups on the health
/// check port. <see cref="Blocked"/> is null when what was read cannot decide it.
/// </summary>
internal sealed record HealthCheckPath(int? Port, IReadOnlyList<string> TaskGroupIds, IReadOnlyList<SecurityGroup>? TaskGroups, IReadOnlyList<string>? LoadBalancerGroupIds, IReadOnlyList<SecurityGroup>? LoadBalancerGroups)
{
    public bool? Blocked { get; private init; }

    public string Why { get; private init; } = string.Empty;

    public static async Task<(HealthCheckPath Path, List<EvidenceItem> Evidence, List<EvidenceGap> Missing)> ReadAsync(
        DiagnosisContext context, ServiceTargets targets, TargetGroupReading group, CancellationToken cancellationToken)
    {
        var evidence = new List<EvidenceItem>();
        var missing = new List<EvidenceGap>();
        var scope = AwsScope.FromArn(targets.Service.ServiceArn);
        var taskGroupIds = targets.Service.NetworkConfiguration?.SecurityGroups ?? [];

        // The tasks' groups and the load balancers are read together; triage already asked for both.
        var balancersRead = group.Group is { LoadBalancerArns.Count: > 0 } read
            ? context.Evidence.LoadBalancing.DescribeLoadBalancersAsync(read.LoadBalancerArns, cancellationToken)
            : null;
        var taskGroupsRead = taskGroupIds.Count > 0 ? context.Evidence.Network.DescribeSecurityGroupsAsync(taskGroupIds, scope, cancellationToken) : null;
        var balancers = balancersRead is null ? null : await balancersRead.ConfigureAwait(false);
        var taskGroups = taskGroupsRead is null ? null : await taskGroupsRead.ConfigureAwait(false);
        AddGap(missing, balancers?.Gap);
        AddGap(missing, taskGroups?.Gap);

        var lbGroupIds = balancers?.Value?.SelectMany(lb => lb.SecurityGroups).Distinct().ToList();
        var path = new HealthCheckPath(group.HealthCheckPort, taskGroupIds, taskGroups?.Value, lbGroupIds, null).Decide();

        // The load balancer's own groups matter only for their egress, once the tasks' side admits it; a group both
        // share is already read.
        IReadOnlyList<SecurityGroup>? lbGroups = null;
        if (path.Blocked != true && lbGroupIds is { Count: > 0 })
        {
            var shared = (taskGroups?.Value ?? []).Where(g => lbGroupIds.Contains(g.GroupId)).ToList();
            var unread = lbGroupIds.Except(shared.Select(g => g.GroupId)).ToList();
            var described = unread.Count == 0 ? null : await context.Evidence.Network.DescribeSecurityGroupsAsync(unread, scope, cancellationToken).ConfigureAwait(false);
            lbGroups = described is null || described.Value is not null ? [.. shared, .. described?.Value ?? []] : null;
            AddGap(missing, described?.Gap);
            path = (path with { LoadBalancerGroups = lbGroups }).Decide();
        }

        foreach (var balancer in balancers?.Value ?? [])
        {
            evidence.Add(new("elasticloadbalancing:DescribeLoadBalancers", $"load balancer {balancer.LoadBalancerName} ({balancer.Type}) security groups", balancer.SecurityGroups.Count == 0 ? "(none)" : string.Join(", ", balancer.SecurityGroups)));
        }

        foreach (var securityGroup in (taskGroups?.Value ?? []).Concat(lbGroups ?? []).DistinctBy(g => g.GroupId))
        {
            evidence.Add(new("ec2:DescribeSecurityGroups", $"security group {securityGroup.GroupId} ingress", Describe(securityGroup.Ingress)));
        }

        return (path, evidence, missing);
    }

    private HealthCheckPath Decide()
    {
        if (Port is not int port || TaskGroupIds.Count == 0 || TaskGroups is null)
        {
            return this with { Blocked = null, Why = TaskGroupIds.Count == 0 ? "the tasks have no awsvpc security groups to read" : "the tasks' security groups were not read" };
        }

        var tasks = string.Join(", ", TaskGroupIds);
        var admitting = TaskGroups.SelectMany(g => g.Ingress).Where(r => IsTcp(r) && r.AllowsPort(port)).ToList();
        if (admitting.Count == 0)
        {
            return this with { Blocked = true, Why = $"no ingress rule of the tasks' security group(s) {tasks} admits tcp {port} from anywhere" };
        }

        var byAddress = admitting.Any(r => r.Ipv4Ranges.Count + r.Ipv6Ranges.Count + r.PrefixListIds.Count > 0);
        if (!byAddress && LoadBalancerGroupIds is null)
        {
            return this with { Blocked = null, Why = $"{tasks} admit tcp {port} only from security groups {Sources(admitting)}, and the load balancer's groups were not read" };
        }

        if (!byAddress && !admitting.Any(r => r.SourceSecurityGroupIds.Intersect(LoadBalancerGroupIds!).Any()))
        {
            return this with { Blocked = true, Why = $"{tasks} admit tcp {port} only from {Sources(admitting)}, not from the load balancer's group(s) {string.Join(", ", LoadBalancerGroupIds!)}" };
        }

        if (LoadBalancerGroups is { Count: > 0 } lbGroups && !lbGroups.SelectMany(g => g.Egress).Any(r => IsTcp(r) && r.AllowsPort(port)))
        {
            return this with { Blocked = true, Why = $"the load balancer's group(s) {string.Join(", ", lbGroups.Select(g => g.GroupId))} allow no egress on tcp {port}" };
        }

        return this with { Blocked = false, Why = $"{tasks} admit the load balancer on tcp {port}" };
    }

    private static bool IsTcp(SecurityGroupRule rule) => rule.IpProtocol is "tcp" or "6" or "-1";

    private static string Sources(IEnumerable<SecurityGroupRule> rules) => string.Join(", ", rules.SelectMany(r => r.SourceSecurityGroupIds).Distinct());

    private static string Describe(IReadOnlyList<SecurityGroupRule> rules) => rules.Count == 0
        ? "(no rules)"
        : string.Join("; ", rules.Select(r => $"{(r.IpProtocol == "-1" ? "all" : r.IpProtocol)} {(r.FromPort == r.ToPort ? $"{r.FromPort}" : $"{r.FromPort}-{r.ToPort}")} from {string.Join(", ", r.SourceSecurityGroupIds.Concat(r.Ipv4Ranges).Concat(r.Ipv6Ranges).Concat(r.PrefixListIds))}"));

    private static void AddGap(List<EvidenceGap> missing, EvidenceGap? gap)
    {
        if (gap is not null)
        {
            missing.Add(gap);
        }
    }
}
