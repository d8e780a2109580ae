using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Networking;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 10: an EKS pod stays in ContainerCreating because the VPC CNI cannot give it an IP address.</summary>
internal sealed class EksPodsContainerCreatingPlaybook : IPlaybook
{
    public const string SubnetExhausted = "subnet-out-of-ips";
    public const string NodeIpLimit = "node-ip-limit";
    public const string OtherSandboxFailure = "sandbox-creation-failed";

    // Few enough free addresses that the CNI's warm pool cannot refill.
    private const int LowFreeIps = 5;

    // Wordings of the VPC CNI across versions: "failed to assign an IP address to container", "add cmd: failed to
    // assign an IP address", older "InsufficientFreeAddressesInSubnet" and "no available IP addresses".
    private static readonly string[] IpAssignmentMarkers = ["assign an ip address", "insufficientfreeaddresses", "no available ip", "failed to allocate ip", "failed to assign ip"];

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>): a waiting pod's node instance.</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForPod = [PodNetwork.EarlyAsync, AwsNodeOnNode.EarlyAsync] };

    public int Id => EksPodsContainerCreating.Number;

    public string Name => EksPodsContainerCreating.Name;

    public string Title => EksPodsContainerCreating.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is not { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No pod to read; give it as `pod <namespace>/<name>`.");
        }

        // The kubelet's NetworkNotReady ("network is not ready: container runtime network not ready: NetworkReady=false
        // reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized", pkg/kubelet/kubelet.go)
        // comes before any sandbox is tried, on a node whose CNI never wrote its config.
        var sandboxFailure = context.PodEvents.LastOrDefault(e => e.Reason is "FailedCreatePodSandBox" or "NetworkNotReady");
        if (sandboxFailure is null)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Pod {pod.Namespace}/{pod.Name} has no FailedCreatePodSandBox event: its network was set up.")
                with { Evidence = [new("kubernetes:pods", "phase", pod.Phase ?? "(unknown)")] };
        }

        var eventItem = new EvidenceItem(
            "kubernetes:events", $"{sandboxFailure.Reason} ({sandboxFailure.Count} times)", sandboxFailure.Message ?? string.Empty);
        if (pod.Phase == "Running" && pod.ContainerStatuses.Count > 0 && pod.ContainerStatuses.All(c => c.Running))
        {
            return Recovered(pod, cluster, sandboxFailure.Count, eventItem);
        }

        var message = (sandboxFailure.Message ?? string.Empty).ToLowerInvariant();
        if (!IpAssignmentMarkers.Any(message.Contains))
        {
            // Not an empty IP pool: is aws-node itself failing on the pod's node?
            var cni = await AwsNodeOnNode.ReadAsync(context.Evidence, cluster, pod, cancellationToken).ConfigureAwait(false);
            return cni.Failing
                ? CniNotReady.Conclude(this, pod, cluster, cni, eventItem)
                : NewVerdict(VerdictStatus.Likely,
                    $"Pod {pod.Namespace}/{pod.Name}'s sandbox could not be created, for a reason other than IP addresses (see the event)"
                    + (cni.Pod is { } awsNode ? $"; aws-node pod {awsNode.Name} on its node is Ready." : "."))
                    with
                    {
                        SubCause = OtherSandboxFailure,
                        Evidence = [eventItem, .. CniNotReady.Evidence(cni)],
                        Missing = cni.Gaps,
                        Confirm = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name),
                    };
        }

        var network = await PodNetwork.ReadAsync(context.Evidence, cluster, pod, cancellationToken).ConfigureAwait(false);
        var free = network.Subnet?.AvailableIpAddressCount;
        var subCause = free is int count && count <= LowFreeIps ? SubnetExhausted : NodeIpLimit;
        var status = free is null || network.PrefixDelegation is null ? VerdictStatus.Likely : VerdictStatus.Confirmed;
        return NewVerdict(status, RootCause(pod, network, subCause)) with
        {
            SubCause = subCause,
            Charts = subCause == SubnetExhausted && network.Subnet is { } exhausted
                ? SubnetAddresses.Chart(exhausted, $"pod {pod.Namespace}/{pod.Name} cannot get an IP address", context.Now)
                : [],
            Evidence = [eventItem, .. NetworkEvidence(pod, network)],
            Missing = network.Gaps,
            Fix = subCause == SubnetExhausted
                ?
                [
                    $"Free addresses in {network.Subnet?.SubnetId ?? "the node's subnet"}: scale in idle nodes there, or lower WARM_ENI_TARGET / set WARM_IP_TARGET and MINIMUM_IP_TARGET on aws-node so nodes hold fewer spare IPs.",
                    "Give pods room: add a larger subnet (or a secondary CIDR with custom networking) to the node group.",
                    "Turn on prefix delegation (ENABLE_PREFIX_DELEGATION=true on aws-node) so each ENI slot carries 16 addresses; it needs Nitro instances and contiguous /28 blocks in the subnet.",
                ]
                :
                [
                    "The subnet has addresses, so the node has reached its instance type's ENI x IP limit: turn on prefix delegation (ENABLE_PREFIX_DELEGATION=true) and raise max-pods accordingly, or use larger instances.",
                ],
            Confirm = network.Subnet is { } subnet
                ? $"aws ec2 describe-subnets --subnet-ids {subnet.SubnetId} --query \"Subnets[].AvailableIpAddressCount\" && {KubectlCli.AwsNodeEnvironment(cluster)}"
                : $"{KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name)} && {KubectlCli.AwsNodeEnvironment(cluster)}",
        };
    }

    private static string RootCause(KubePod pod, PodNetwork network, string subCause) => subCause == SubnetExhausted
        ? $"The VPC CNI cannot give pod {pod.Namespace}/{pod.Name} an IP address: subnet {network.Subnet!.SubnetId} of node {pod.NodeName} has {network.Subnet.AvailableIpAddressCount} free addresses{(network.PrefixDelegation == false ? " and prefix delegation is off" : string.Empty)}."
        : $"The VPC CNI cannot give pod {pod.Namespace}/{pod.Name} an IP address on node {pod.NodeName}{(network.Subnet is { } s ? $", although subnet {s.SubnetId} has {s.AvailableIpAddressCount} free" : string.Empty)}: the node is likely at its ENI and IP limit.";

    private static IEnumerable<EvidenceItem> NetworkEvidence(KubePod pod, PodNetwork network)
    {
        if (network.Node is { } node)
        {
            yield return new EvidenceItem("kubernetes:nodes", $"node {node.Name} IP", string.Join(", ", node.InternalIps));
        }

        if (network.Subnet is { } subnet)
        {
            yield return new EvidenceItem("ec2:DescribeSubnets", $"subnet {subnet.SubnetId} ({subnet.CidrBlock}) free IP addresses", subnet.AvailableIpAddressCount?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)");
        }

        if (network.PrefixDelegation is { } prefix)
        {
            yield return new EvidenceItem("kubernetes:daemonsets kube-system/aws-node", PodNetwork.PrefixDelegationSetting, prefix ? "true" : "false (unset or false)");
        }

        yield return new EvidenceItem("kubernetes:pods", $"pod {pod.Namespace}/{pod.Name} node", pod.NodeName ?? "(none)");
    }

    // The kubelet retries a failed sandbox; once one is created the containers start, and the old warning stays an hour.
    private Verdict Recovered(KubePod pod, string cluster, int failures, EvidenceItem failure)
    {
        var ready = pod.ContainerStatuses.All(c => c.Ready) ? " and are Ready" : string.Empty;
        return NewVerdict(VerdictStatus.RuledOut,
            $"Pod {pod.Namespace}/{pod.Name}'s sandbox failed {failures} time(s) but was created since: the pod is Running and its containers run{ready}. "
            + "A passing CNI failure (aws-node or its ipamd restarting) that recovered.")
            with
            {
                Evidence =
                [
                    failure,
                    new("kubernetes:pods", "phase", pod.Phase!),
                    .. pod.ContainerStatuses.Select(c => new EvidenceItem("kubernetes:pods", $"container {c.Name}", c.Ready ? "running, ready" : "running")),
                ],
                Confirm = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name),
            };
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
