using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Whether a node's security groups let the control plane in on the kubelet's port. The API server dials kubelets from
/// the control plane's network interfaces, which carry the cluster security group and any additional groups
/// (eks:DescribeCluster resourcesVpcConfig); the EKS user guide's "View Amazon EKS security group requirements for
/// clusters" lists TCP 10250 to the nodes among the minimum rules once the defaults are restricted.
/// </summary>
internal sealed record KubeletPortRules(IReadOnlyList<string> NodeGroups, IReadOnlyList<string> ControlPlaneGroups, string? AllowedBy, bool ControlPlaneKnown)
{
    /// <summary>No inbound rule on any of the node's groups lets 10250 in from the control plane (nor from any address range).</summary>
    public bool Blocked => AllowedBy is null && (ControlPlaneKnown || !OpenToOtherGroups);

    /// <summary>Some rule opens 10250 to a group that is not (known to be) the control plane's: not enough to say either way.</summary>
    public bool OpenToOtherGroups { get; init; }

    public static KubeletPortRules Assess(IReadOnlyList<SecurityGroup> nodeGroups, IReadOnlyList<string> controlPlane)
    {
        string? allowedBy = null;
        var otherGroups = false;
        foreach (var group in nodeGroups)
        {
            foreach (var rule in group.Ingress.Where(r => r.IpProtocol is "tcp" or "6" or "-1" && r.AllowsPort(KubeletDialFailure.KubeletPort)))
            {
                var source = rule.SourceSecurityGroupIds.FirstOrDefault(controlPlane.Contains);
                var range = rule.Ipv4Ranges.Concat(rule.PrefixListIds).FirstOrDefault();
                allowedBy ??= source is not null ? $"{group.GroupId} from {source}" : range is not null ? $"{group.GroupId} from {range}" : null;
                otherGroups |= rule.SourceSecurityGroupIds.Any(id => !controlPlane.Contains(id));
            }
        }

        return new KubeletPortRules([.. nodeGroups.Select(g => g.GroupId)], controlPlane, allowedBy, controlPlane.Count > 0)
        {
            OpenToOtherGroups = otherGroups,
        };
    }

    public string Describe() => AllowedBy is { } by
        ? $"allowed: {by}"
        : Blocked
            ? $"no rule on {string.Join(", ", NodeGroups)} allows it from {(ControlPlaneKnown ? string.Join(", ", ControlPlaneGroups) : "any source")}"
            : $"open only to other security groups; the control plane's groups could not be read";
}
