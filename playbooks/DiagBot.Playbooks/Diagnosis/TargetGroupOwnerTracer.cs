using System.Runtime.CompilerServices;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// Finds the ECS service behind a target group from the group's side, at a cost that does not grow with the account:
/// an `ip` target is an address of a task's network interface, which ECS tags with the cluster and service
/// (DescribeNetworkInterfaces, then DescribeServices of those services). An empty group is traced the same way
/// through its load balancer's other groups, since the service that should be in it usually sits in one of them.
/// Only where neither finds it (instance targets, interfaces without ECS managed tags, an empty group whose
/// neighbours' services do not list it) is every service of the account searched, within that search's bound.
/// </summary>
internal static class TargetGroupOwnerTracer
{
    private const string IpTarget = "ip";

    // Bounds on what one trace reads: the owners described and the load balancer's other groups followed.
    private const int MaxOwners = 5;
    private const int MaxSiblingGroups = 5;

    public static async Task<TargetGroupOwner> TraceAsync(
        IEvidenceSource evidence, TargetGroup group, EvidenceResult<IReadOnlyList<TargetHealthDescription>> health, CancellationToken cancellationToken)
    {
        var gaps = new List<EvidenceGap>();
        var own = await OwnersAsync(evidence, [(group, health)], gaps, cancellationToken).ConfigureAwait(false);
        if (Registering(own, group) is { } service)
        {
            return new TargetGroupOwner(service, "its targets' network interfaces", gaps);
        }

        if (health.Value is { Count: 0 } && group.LoadBalancerArns.FirstOrDefault() is { } balancer)
        {
            // The neighbours are a shortcut, not proof: when none of them registers here, the account is searched. An `instance`
            // group's own targets never name a service, and its `ip` neighbours lead to awsvpc services, which ECS refuses to
            // register into it ("has target type instance, which is incompatible with the awsvpc network mode"): the search it
            // nearly always ends in starts beside them, and a service it finds is the answer without waiting for them.
            var search = group.TargetType != IpTarget ? SearchAccountAsync(evidence, group, cancellationToken) : null;
            var answered = new StrongBox<bool>();
            var neighboursRead = SiblingOwnersAsync(evidence, group, balancer, gaps, () => !Volatile.Read(ref answered.Value), cancellationToken);
            if (search is not null && await search.ConfigureAwait(false) is { Service: not null } found)
            {
                // The neighbours' trace reads nothing further once the search has answered.
                Volatile.Write(ref answered.Value, true);
                return found with { Pending = neighboursRead };
            }

            var neighbours = await neighboursRead.ConfigureAwait(false);
            if (neighbours is not null && Registering(neighbours, group) is { } sibling)
            {
                var searched = $"the services registered in the other target groups of load balancer {Name(balancer)}";
                return new TargetGroupOwner(sibling, searched, gaps);
            }

            if (search is not null && own.Count == 0)
            {
                return await search.ConfigureAwait(false);
            }
        }

        if (own.Count > 0)
        {
            return new TargetGroupOwner(null, $"the services owning its targets ({string.Join(", ", own.Select(s => s.ServiceName).Distinct())})", gaps);
        }

        // The account-wide search answers what the interfaces could not, so their gaps no longer matter.
        return await SearchAccountAsync(evidence, group, cancellationToken).ConfigureAwait(false);
    }

    private static EcsService? Registering(IEnumerable<EcsService> services, TargetGroup group) =>
        services.FirstOrDefault(s => s.LoadBalancers.Any(b => b.TargetGroupArn == group.TargetGroupArn));

    // The load balancer's other `ip` groups with targets, followed to their services while still wanted; null when none could be.
    private static async Task<List<EcsService>?> SiblingOwnersAsync(
        IEvidenceSource evidence, TargetGroup group, string balancer, List<EvidenceGap> gaps, Func<bool> wanted, CancellationToken cancellationToken)
    {
        var listed = await evidence.LoadBalancing.DescribeTargetGroupsOfLoadBalancerAsync(balancer, cancellationToken).ConfigureAwait(false);
        if (listed.Value is not { } groups || !wanted())
        {
            gaps.AddRange(listed.Gap is { } gap ? [gap] : []);
            return null;
        }

        var siblings = groups.Where(g => g.TargetGroupArn != group.TargetGroupArn && g.TargetType == IpTarget && g.VpcId is not null).Take(MaxSiblingGroups).ToList();
        var healths = await Task.WhenAll(siblings.Select(g => evidence.LoadBalancing.DescribeTargetHealthAsync(g.TargetGroupArn, cancellationToken))).ConfigureAwait(false);
        if (!wanted())
        {
            return null;
        }

        return await OwnersAsync(evidence, [.. siblings.Zip(healths)], gaps, cancellationToken).ConfigureAwait(false);
    }

    // The services whose tasks hold the groups' `ip` targets: one DescribeNetworkInterfaces per VPC, then one
    // DescribeServices per owner ECS tagged the interfaces with.
    private static async Task<List<EcsService>> OwnersAsync(
        IEvidenceSource evidence, IReadOnlyList<(TargetGroup Group, EvidenceResult<IReadOnlyList<TargetHealthDescription>> Health)> groups,
        List<EvidenceGap> gaps, CancellationToken cancellationToken)
    {
        var byVpc = groups.Where(g => g.Group.TargetType == IpTarget && g.Group.VpcId is not null && g.Health.Value is { Count: > 0 })
            .GroupBy(g => (g.Group.VpcId!, Scope: AwsScope.FromArn(g.Group.TargetGroupArn)))
            .Select(vpc => (vpc.Key.Item1, vpc.Key.Scope, Ips: vpc.SelectMany(g => g.Health.Value!.Select(t => t.TargetId)).Distinct().ToList()))
            .ToList();
        var reads = await Task.WhenAll(byVpc.Select(v => evidence.Network.DescribeNetworkInterfacesByAddressAsync(v.Ips, v.Item1, v.Scope, cancellationToken))).ConfigureAwait(false);
        gaps.AddRange(reads.Select(r => r.Gap).OfType<EvidenceGap>());
        var owners = reads.SelectMany(r => r.Value ?? []).Select(n => n.EcsService).OfType<(string Cluster, string Service)>().Distinct().Take(MaxOwners).ToList();
        var scope = byVpc.FirstOrDefault().Scope ?? AwsScope.Default;
        var described = await Task.WhenAll(owners.Select(o => evidence.Ecs.DescribeServiceAsync(ClusterArn(o.Cluster, scope), o.Service, cancellationToken))).ConfigureAwait(false);
        gaps.AddRange(described.Select(d => d.Gap).OfType<EvidenceGap>());
        return [.. described.Select(d => d.Value).OfType<EcsService>()];
    }

    // A cluster named by its tag is asked for by ARN, so the call goes to the group's account and region.
    private static string ClusterArn(string cluster, AwsScope scope) =>
        scope.AccountId is { } account && scope.Region is { } region ? $"arn:aws:ecs:{region}:{account}:cluster/{cluster}" : cluster;

    private static async Task<TargetGroupOwner> SearchAccountAsync(IEvidenceSource evidence, TargetGroup group, CancellationToken cancellationToken)
    {
        var scope = AwsScope.FromArn(group.TargetGroupArn);
        var search = await evidence.Ecs.DescribeAllServicesAsync(scope, cancellationToken).ConfigureAwait(false);
        if (search.Value is not { } found)
        {
            return new TargetGroupOwner(null, "every service of the account", [search.Gap! with { Detail = $"{search.Gap!.Detail}; so the ECS service behind target group {group.TargetGroupName} could not be looked for" }]);
        }

        var where = $"the {found.ClusterArns.Count} cluster(s) of {scope.AccountId}/{scope.Region}"
            + (found.Truncated ? " (the search stopped at its bound)" : string.Empty)
            + (found.Gaps.Count > 0 ? $" ({found.Gaps.Count} read(s) failed: {found.Gaps[0].Detail})" : string.Empty);
        return new TargetGroupOwner(Registering(found.Services, group), where, []);
    }

    private static string Name(string arn) => arn.Split('/') is { Length: >= 3 } parts ? parts[^2] : arn;
}
