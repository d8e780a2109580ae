using System.Globalization;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 6 on EKS, a pod's target timing out or refused: the security-group path from the load balancer to the pod.
/// Traffic to a pod on the VPC CNI arrives on its node's interfaces, so the node's instance's groups decide it
/// (ec2:DescribeInstances by the pod's hostIP), unless the pod has security groups of its own: the VPC CNI then gives it
/// a branch interface and writes vpc.amazonaws.com/pod-eni on the pod (EKS user guide, "Assign security groups to
/// individual Pods"), whose groups are not the node's. <see cref="Blocked"/> is null when what was read cannot decide it.
/// </summary>
internal sealed record PodSecurityPath(
    IReadOnlyList<int> Ports, Ec2Instance? Instance, IReadOnlyList<string>? LoadBalancerGroupIds, bool? Blocked, string Why)
{
    public const string PodEniAnnotation = "vpc.amazonaws.com/pod-eni";

    /// <summary>The first port no rule lets the load balancer in on, when <see cref="Blocked"/>.</summary>
    public int? BlockedPort { get; private init; }

    /// <summary>The first of the node's groups whose rules let the load balancer in, or null: where a missing rule goes.</summary>
    public string? NodeGroup => Instance?.SecurityGroupIds.FirstOrDefault();

    /// <summary>Playbook 6's early read beside the target groups': the pod's node's instance, whose groups the path needs.</summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        PodTargetGroups.WouldRead(atHand)
            ? PodNetwork.InstanceAsync(evidence, atHand.Cluster, atHand.Pod, cancellationToken) ?? Task.CompletedTask
            : Task.CompletedTask;

    public static async Task<(PodSecurityPath Path, List<EvidenceItem> Evidence, List<EvidenceGap> Missing)> ReadAsync(
        IEvidenceSource evidence, string cluster, KubePod pod, PodBinding failing, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        var missing = new List<EvidenceGap>();
        var ports = new[] { failing.HealthCheckPort, failing.RegisteredPort }.OfType<int>().Distinct().ToList();
        var scope = evidence.Kubernetes.EksClusterOf(cluster)?.Scope ?? AwsScope.Default;

        // The load balancers and the node's instance (asked for during triage) are read together; the groups' rules wait for the instance.
        var balancersRead = failing.Group is { LoadBalancerArns.Count: > 0 } tg
            ? evidence.LoadBalancing.DescribeLoadBalancersAsync(tg.LoadBalancerArns, cancellationToken)
            : null;
        var ownGroups = !failing.IsInstance && pod.Annotations.ContainsKey(PodEniAnnotation);
        var instanceRead = ownGroups ? null : PodNetwork.InstanceAsync(evidence, cluster, pod, cancellationToken);
        var instances = instanceRead is null ? null : await instanceRead.ConfigureAwait(false);
        var instance = instances?.Value?.FirstOrDefault();
        var groupsRead = instance is { SecurityGroupIds.Count: > 0 }
            ? evidence.Network.DescribeSecurityGroupsAsync(instance.SecurityGroupIds, scope, cancellationToken)
            : null;
        var balancers = balancersRead is null ? null : await balancersRead.ConfigureAwait(false);
        var groups = groupsRead is null ? null : await groupsRead.ConfigureAwait(false);
        missing.AddRange(new[] { balancers?.Gap, instances?.Gap, groups?.Gap }.OfType<EvidenceGap>());

        var lbGroupIds = balancers?.Value?.SelectMany(lb => lb.SecurityGroups).Distinct(StringComparer.Ordinal).ToList();
        foreach (var balancer in balancers?.Value ?? [])
        {
            items.Add(new("elasticloadbalancing:DescribeLoadBalancers", $"load balancer {balancer.LoadBalancerName} ({balancer.Type}) security groups",
                balancer.SecurityGroups.Count == 0 ? "(none)" : string.Join(", ", balancer.SecurityGroups)));
        }

        if (instance is not null)
        {
            items.Add(new("ec2:DescribeInstances", $"instance {instance.InstanceId} of node {pod.NodeName} security groups",
                string.Join(", ", instance.SecurityGroupIds)));
        }

        foreach (var group in groups?.Value ?? [])
        {
            items.Add(new("ec2:DescribeSecurityGroups", $"security group {group.GroupId} inbound TCP {string.Join(", ", ports)}", Describe(group, ports)));
        }

        var path = new PodSecurityPath(ports, instance, lbGroupIds, null, string.Empty);
        return (ownGroups
            ? path with { Why = $"the pod has security groups of its own ({PodEniAnnotation}), on a branch interface DiagBot does not read" }
            : path.Decide(groups?.Value), items, missing);
    }

    private PodSecurityPath Decide(IReadOnlyList<SecurityGroup>? groups)
    {
        if (Ports.Count == 0 || Instance is null || groups is null)
        {
            return this with { Why = Ports.Count == 0 ? "the port the targets are registered on is not known" : "the node's security groups were not read" };
        }

        var nodeGroups = string.Join(", ", groups.Select(g => g.GroupId));
        foreach (var port in Ports)
        {
            var admitting = groups.SelectMany(g => g.Ingress).Where(r => r.IpProtocol is "tcp" or "6" or "-1" && r.AllowsPort(port)).ToList();
            var byRange = admitting.Any(r => r.Ipv4Ranges.Count + r.Ipv6Ranges.Count + r.PrefixListIds.Count > 0);
            var fromBalancer = LoadBalancerGroupIds is { } lb && admitting.Any(r => r.SourceSecurityGroupIds.Intersect(lb).Any());
            if (byRange || fromBalancer)
            {
                continue;
            }

            var others = admitting.SelectMany(r => r.SourceSecurityGroupIds).Distinct(StringComparer.Ordinal).ToList();
            if (LoadBalancerGroupIds is null && others.Count > 0)
            {
                return this with { Why = $"{nodeGroups} admit tcp {port} only from {string.Join(", ", others)}, and the load balancer's groups were not read" };
            }

            var from = LoadBalancerGroupIds is { Count: > 0 } ids ? $"the load balancer's group(s) {string.Join(", ", ids)}" : "the load balancer's subnets";
            return this with
            {
                Blocked = true,
                BlockedPort = port,
                Why = string.Create(CultureInfo.InvariantCulture,
                    $"no inbound rule of node {Instance.InstanceId}'s security group(s) {nodeGroups} admits tcp {port} from {from}")
                    + (others.Count > 0 ? $" (only from {string.Join(", ", others)})" : string.Empty),
            };
        }

        return this with
        {
            Blocked = false,
            Why = $"node {Instance.InstanceId}'s security group(s) {nodeGroups} admit the load balancer on tcp {string.Join(", ", Ports)}",
        };
    }

    private static string Describe(SecurityGroup group, IReadOnlyList<int> ports)
    {
        var rules = group.Ingress.Where(r => r.IpProtocol is "tcp" or "6" or "-1" && ports.Any(r.AllowsPort)).ToList();
        return rules.Count == 0
            ? "(no rule)"
            : string.Join("; ", rules.Select(r => (r.IpProtocol == "-1" ? "all" : r.FromPort == r.ToPort ? $"{r.FromPort}" : $"{r.FromPort}-{r.ToPort}")
                + " from " + string.Join(", ", r.SourceSecurityGroupIds.Concat(r.Ipv4Ranges).Concat(r.Ipv6Ranges).Concat(r.PrefixListIds))));
    }
}
