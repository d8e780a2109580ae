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
/// individual Pods"), whose groups, not the node's, decide it ("Traffic to and from that Pod is evaluated against those
/// security groups at the branch interface, independently of the node's own security groups"). An `instance` binding
/// reaches the node's port, so the node's groups decide it either way. <see cref="Blocked"/> is null when what was read
/// cannot decide it.
/// </summary>
internal sealed partial record PodSecurityPath(
    IReadOnlyList<int> Ports, Ec2Instance? Instance, IReadOnlyList<string>? LoadBalancerGroupIds, bool? Blocked, string Why)
{
    /// <summary>The first port no rule lets the load balancer in on, when <see cref="Blocked"/>.</summary>
    public int? BlockedPort { get; private init; }

    /// <summary>The pod's own branch interface, when it has security groups of its own and the interface was read.</summary>
    public NetworkInterface? Branch { get; private init; }

    /// <summary>For a pod with security groups of its own, the SecurityGroupPolicies that gave them; null when not read.</summary>
    public PodSecurityGroupPolicies? Policies { get; private init; }

    /// <summary>Why <see cref="Policies"/> is null for a pod with groups of its own (RBAC denied, the CRD not served).</summary>
    public EvidenceGap? PoliciesGap { get; private init; }

    /// <summary>The groups on the path: the branch interface's for a pod with its own, else its node's instance's.</summary>
    public IReadOnlyList<string> GroupIds => Branch?.SecurityGroupIds ?? Instance?.SecurityGroupIds ?? [];

    /// <summary>The first of those groups (the pod's own or its node's), or null: where a missing rule goes.</summary>
    public string? GroupToAdmitIn => GroupIds.FirstOrDefault();

    public static async Task<(PodSecurityPath Path, List<EvidenceItem> Evidence, List<EvidenceGap> Missing)> ReadAsync(
        IEvidenceSource evidence, string cluster, KubePod pod, PodBinding failing, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        var missing = new List<EvidenceGap>();
        var ports = new[] { failing.HealthCheckPort, failing.RegisteredPort }.OfType<int>().Distinct().ToList();
        var scope = ScopeOf(evidence, cluster);

        // The load balancers, the node's instance and the pod's branch interface (asked for during triage) are read together;
        // the groups' rules wait for whichever holds the groups.
        var balancersRead = failing.Group is { LoadBalancerArns.Count: > 0 } tg
            ? evidence.LoadBalancing.DescribeLoadBalancersAsync(tg.LoadBalancerArns, cancellationToken)
            : null;
        var ownGroups = !failing.IsInstance && PodBranchInterface.Has(pod);
        var instanceRead = PodNetwork.InstanceAsync(evidence, cluster, pod, cancellationToken);
        var branchRead = ownGroups ? PodBranchInterface.ReadAsync(evidence, scope, pod, instanceRead, cancellationToken) : null;
        var policiesRead = ownGroups ? evidence.Kubernetes.ListSecurityGroupPoliciesAsync(cluster, pod.Namespace, cancellationToken) : null;
        var instances = instanceRead is null ? null : await instanceRead.ConfigureAwait(false);
        var branches = branchRead is null ? null : await branchRead.ConfigureAwait(false);
        var instance = instances?.Value?.FirstOrDefault();
        var branch = branches?.Value?.FirstOrDefault();
        var groupIds = ownGroups ? branch?.SecurityGroupIds : instance?.SecurityGroupIds;
        var groupsRead = groupIds is { Count: > 0 } ? evidence.Network.DescribeSecurityGroupsAsync(groupIds, scope, cancellationToken) : null;
        var balancers = balancersRead is null ? null : await balancersRead.ConfigureAwait(false);
        var groups = groupsRead is null ? null : await groupsRead.ConfigureAwait(false);
        var policies = policiesRead is null ? null : await policiesRead.ConfigureAwait(false);
        missing.AddRange(new[] { balancers?.Gap, ownGroups ? branches?.Gap : instances?.Gap, groups?.Gap, policies?.Gap }.OfType<EvidenceGap>());
        var selecting = policies?.Value is { } listed ? PodSecurityGroupPolicies.Of(listed, pod) : null;

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

        if (branch is not null)
        {
            items.Add(new("ec2:DescribeNetworkInterfaces",
                $"{branch.InterfaceType ?? "network"} interface {branch.NetworkInterfaceId} of pod {pod.Namespace}/{pod.Name} security groups",
                branch.SecurityGroupIds.Count == 0 ? "(none)" : string.Join(", ", branch.SecurityGroupIds)));
        }

        items.AddRange(selecting?.Evidence(pod) ?? []);
        foreach (var group in groups?.Value ?? [])
        {
            items.Add(new("ec2:DescribeSecurityGroups", $"security group {group.GroupId} inbound TCP {string.Join(", ", ports)}", Describe(group, ports)));
        }

        var path = new PodSecurityPath(ports, instance, lbGroupIds, null, string.Empty)
        {
            Branch = ownGroups ? branch : null,
            Policies = selecting,
            PoliciesGap = policies?.Gap,
        };
        var holder = ownGroups
            ? branch is null ? null : $"pod {pod.Namespace}/{pod.Name}'s branch interface {branch.NetworkInterfaceId}"
            : instance is null ? null : $"node {instance.InstanceId}";
        var whose = ownGroups ? $"the pod's own security groups ({PodBranchInterface.Annotation})" : "the node's security groups";
        return (path.Decide(holder, groups?.Value, whose), items, missing);
    }

    // holder names whose groups these are; null when they (or the interface or instance holding them) were not read.
    private PodSecurityPath Decide(string? holder, IReadOnlyList<SecurityGroup>? groups, string what)
    {
        if (Ports.Count == 0 || holder is null || groups is null)
        {
            return this with { Why = Ports.Count == 0 ? "the port the targets are registered on is not known" : $"{what} were not read" };
        }

        var groupList = string.Join(", ", groups.Select(g => g.GroupId));
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
                return this with { Why = $"{groupList} admit tcp {port} only from {string.Join(", ", others)}, and the load balancer's groups were not read" };
            }

            var from = LoadBalancerGroupIds is { Count: > 0 } ids ? $"the load balancer's group(s) {string.Join(", ", ids)}" : "the load balancer's subnets";
            return this with
            {
                Blocked = true,
                BlockedPort = port,
                Why = string.Create(CultureInfo.InvariantCulture, $"no inbound rule of {holder}'s security group(s) {groupList} admits tcp {port} from {from}")
                    + (others.Count > 0 ? $" (only from {string.Join(", ", others)})" : string.Empty),
            };
        }

        return this with { Blocked = false, Why = $"{holder}'s security group(s) {groupList} admit the load balancer on tcp {string.Join(", ", Ports)}" };
    }

    private static string Describe(SecurityGroup group, IReadOnlyList<int> ports)
    {
        var rules = group.Ingress.Where(r => r.IpProtocol is "tcp" or "6" or "-1" && ports.Any(r.AllowsPort)).ToList();
        return rules.Count == 0
            ? "(no rule)"
            : string.Join("; ", rules.Select(r => (r.IpProtocol == "-1" ? "all" : r.FromPort == r.ToPort ? $"{r.FromPort}" : $"{r.FromPort}-{r.ToPort}")
                + " from " + string.Join(", ", r.SourceSecurityGroupIds.Concat(r.Ipv4Ranges).Concat(r.Ipv6Ranges).Concat(r.PrefixListIds))));
    }

    private static AwsScope ScopeOf(IEvidenceSource evidence, string cluster) => evidence.Kubernetes.EksClusterOf(cluster)?.Scope ?? AwsScope.Default;
}
