using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 15 on EKS, once the pod and its node look healthy: what DiagBot's own read through the API server to the
/// kubelet showed. A dial failure with no security-group rule letting the control plane in on 10250 is confirmed; a
/// kubelet that answered rules the port out, whatever kubectl said earlier.
/// </summary>
internal static class KubeletPathVerdict
{
    /// <summary>Where the reads happened and what the node showed: the region for commands, whether the node reads Ready.</summary>
    public sealed record Where(string Cluster, string Region, bool NodeReady);

    public static Verdict? For(
        IPlaybook playbook, KubePod pod, Where where, KubectlExecError said, KubeletReach reach,
        List<EvidenceItem> evidence, IReadOnlyList<EvidenceGap> missing)
    {
        if (reach.Dial is { } dial)
        {
            var quoted = dial.StillDialing
                ? $"DiagBot's own one-line log read through the API server got no answer while the API server answered the pod's own reads: "
                    + $"it is still dialing {dial.Address}:{dial.Port}, which it gives up after 30 s with `dial tcp {dial.Address}:{dial.Port}: i/o timeout`"
                : $"DiagBot's own log read through the API server answered `dial tcp {dial.Address}:{dial.Port}: {dial.Error}`";
            var ready = where.NodeReady ? "although the node is Ready" : "(the node's state could not be read)";
            var unreachable = $"The API server cannot reach the kubelet on node {pod.NodeName} ({quoted}) {ready}";
            return reach.Port switch
            {
                { Blocked: true } port when reach.Instance is { } instance =>
                    Blocked(playbook, unreachable, instance.InstanceId, port, dial, where, evidence, missing),
                { AllowedBy: { } allowed } port => Allowed(playbook, unreachable, allowed, port, dial, reach, where, evidence, missing),
                _ => KubectlExecFails.For(playbook, VerdictStatus.Likely,
                    $"{unreachable}; the node's security groups could not be read against the control plane's, "
                        + $"so whether TCP {dial.Port} is blocked there is not settled.",
                    KubectlExecFails.KubeletPortBlockedSubCause, evidence,
                    [
                        $"Allow inbound TCP {dial.Port} on the node's security group from the EKS cluster security group "
                            + "(aws eks describe-cluster shows it as resourcesVpcConfig.clusterSecurityGroupId).",
                        "Check that the network ACLs of the node's subnet allow the same, and the return traffic.",
                    ],
                    reach.Instance is { } known
                        ? EksCli.DescribeInstance(where.Region, known.InstanceId)
                        : KubectlCli.LogTail(where.Cluster, pod.Namespace, pod.Name, KubeletReach.ProbeContainer(pod) ?? pod.Name)) with { Missing = missing },
            };
        }

        if (reach.Reached && said.Kind == KubectlExecErrorKind.KubeletUnreachable)
        {
            return KubectlExecFails.For(playbook, VerdictStatus.RuledOut,
                $"The API server reaches the kubelet on node {pod.NodeName} now: DiagBot read a log line of pod {pod.Namespace}/{pod.Name} through it, "
                + $"and exec takes the same path (port {KubeletDialFailure.KubeletPort}). "
                + "The dial error kubectl showed has passed (a kubelet restart, a node briefly unreachable, a rule fixed since); retry.",
                KubectlExecFails.KubeletReachableSubCause, evidence,
                ["Retry the command; if it fails again, quote its error here while it fails so DiagBot reads the path at that moment."],
                KubectlCli.LogTail(where.Cluster, pod.Namespace, pod.Name, KubeletReach.ProbeContainer(pod) ?? pod.Name)) with { Missing = missing };
        }

        return null;
    }

    private static Verdict Blocked(
        IPlaybook playbook, string unreachable, string instanceId, KubeletPortRules port, KubeletDialFailure dial, Where where,
        List<EvidenceItem> evidence, IReadOnlyList<EvidenceGap> missing)
    {
        var source = port.ControlPlaneGroups.FirstOrDefault();
        var from = source is null ? "any source" : $"the cluster's control-plane security groups ({string.Join(", ", port.ControlPlaneGroups)})";
        return KubectlExecFails.For(playbook, VerdictStatus.Confirmed,
            $"{unreachable}: none of instance {instanceId}'s security groups ({string.Join(", ", port.NodeGroups)}) "
            + $"allows inbound TCP {dial.Port} from {from}, so exec, logs, attach and port-forward to every pod on this node fail.",
            KubectlExecFails.KubeletPortBlockedSubCause, evidence,
            [
                source is null
                    ? $"Allow inbound TCP {dial.Port} on {port.NodeGroups[0]} from the cluster security group "
                        + "(resourcesVpcConfig.clusterSecurityGroupId in `aws eks describe-cluster`)."
                    : "Allow the control plane in on the kubelet port: "
                        + $"`aws ec2 authorize-security-group-ingress --region {where.Region} --group-id {port.NodeGroups[0]} "
                        + $"--protocol tcp --port {dial.Port} --source-group {source}`.",
                "Put the same rule in the template that owns the node group (launch template, CloudFormation, Terraform), "
                    + "or the next node comes up blocked again.",
                $"If the cluster security group's outbound rules were restricted, it also needs outbound TCP {dial.Port} to the nodes "
                    + "(EKS user guide, security group requirements).",
            ],
            EksCli.SecurityGroupRules(where.Region, port.NodeGroups)) with { Missing = missing };
    }

    private static Verdict Allowed(
        IPlaybook playbook, string unreachable, string allowed, KubeletPortRules port, KubeletDialFailure dial, KubeletReach reach, Where where,
        List<EvidenceItem> evidence, IReadOnlyList<EvidenceGap> missing)
    {
        // "connection refused" means the packet got there and nothing listened; a timeout means something dropped it.
        var refused = dial.Error.Contains("refused", StringComparison.Ordinal);
        return KubectlExecFails.For(playbook, VerdictStatus.Likely,
            $"{unreachable}, yet its security groups let the control plane in on {dial.Port} ({allowed}): "
            + (refused
                ? "nothing listens there, so the kubelet is down or bound elsewhere."
                : "the block is elsewhere: a network ACL on the node's subnet, or a firewall on the instance."),
            KubectlExecFails.KubeletUnreachableSubCause, evidence,
            [
                refused
                    ? "Check the kubelet on the instance through SSM: `systemctl status kubelet` and `journalctl -u kubelet`."
                    : $"Check the network ACLs of subnet {reach.Instance?.SubnetId ?? "of the node"}: inbound TCP {dial.Port} from the control plane's subnets "
                        + "and the return traffic (ephemeral ports) must be allowed.",
                "Replace the node if it cannot be fixed in place; its pods move once it is drained.",
            ],
            EksCli.SecurityGroupRules(where.Region, port.NodeGroups)) with { Missing = missing };
    }
}
