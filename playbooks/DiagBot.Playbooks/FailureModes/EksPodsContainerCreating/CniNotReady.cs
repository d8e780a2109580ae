using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

internal enum CniFailureCause
{
    Unknown,
    IamPermissions,
    ApiServerUnreachable,
}

/// <summary>
/// Playbook 10's "CNI not ready" half: the pod's sandbox has no network because aws-node on its node is failing. Names
/// the aws-node pod, what it says (its events and last log lines) and the fix for that cause.
/// </summary>
internal static class CniNotReady
{
    public const string SubCause = "cni-not-ready";

    // ipamd's own words when EC2 refuses it: awsutils.go's checkAPIErrorAndBroadcastEvent sends the aws-node pod a Warning
    // "MissingIAMPermissions", "Unauthorized operation: failed to call ec2:DescribeNetworkInterfaces due to missing
    // permissions. Please refer https://github.com/aws/amazon-vpc-cni-k8s/blob/master/docs/iam-policy.md ..." (as the EKS
    // workshop's VPC CNI troubleshooting, aws-samples/eks-workshop-v2 cni_fix_5.md, shows it), and its log line quotes EC2's
    // "UnauthorizedOperation: You are not authorized to perform this operation" (aws/karpenter-provider-aws#1185).
    private static readonly string[] IamMarkers =
        ["missingiampermissions", "unauthorizedoperation", "unauthorized operation", "not authorized to perform", "due to missing permissions"];

    // ipamd's start-up check of the API server: "Unable to reach API Server, Get \"https://10.100.0.1:443/version?timeout=5s\":
    // ... Client.Timeout exceeded" (aws/amazon-vpc-cni-k8s#1988, aws/karpenter-provider-aws#5127).
    private static readonly string[] ApiServerMarkers = ["unable to reach api server"];

    public static CniFailureCause CauseOf(AwsNodeOnNode cni)
    {
        var said = string.Join('\n', cni.Events.Select(e => $"{e.Reason} {e.Message}").Concat(cni.LogLines)).ToLowerInvariant();
        return IamMarkers.Any(said.Contains) ? CniFailureCause.IamPermissions
            : ApiServerMarkers.Any(said.Contains) ? CniFailureCause.ApiServerUnreachable
            : CniFailureCause.Unknown;
    }

    public static Verdict Conclude(IPlaybook playbook, KubePod pod, string cluster, AwsNodeOnNode cni, EvidenceItem sandboxFailure)
    {
        var cause = CauseOf(cni);
        var what = cni.Pod is { } awsNode
            ? $"aws-node pod {AwsNodeOnNode.Namespace}/{awsNode.Name} on node {pod.NodeName} is not Ready ({State(cni)})"
            : $"no aws-node pod runs on node {pod.NodeName}";
        var why = cause switch
        {
            CniFailureCause.IamPermissions => ": the VPC CNI is denied the EC2 calls it needs (" + Said(cni, IamMarkers) + ")",
            CniFailureCause.ApiServerUnreachable => ": its ipamd cannot reach the Kubernetes API server (" + Said(cni, ApiServerMarkers) + ")",
            _ => string.Empty,
        };
        return Verdict.For(playbook, cni.Pod is null ? VerdictStatus.Likely : VerdictStatus.Confirmed,
            $"The VPC CNI is not ready on node {pod.NodeName}, so pod {pod.Namespace}/{pod.Name} gets no network: {what}{why}.")
            with
            {
                SubCause = SubCause,
                Evidence = [sandboxFailure, .. Evidence(cni)],
                Missing = cni.Gaps,
                Fix = Fixes(cause, cni),
                Confirm = cni.Pod is { } shown
                    ? KubectlCli.Logs(cluster, AwsNodeOnNode.Namespace, shown.Name, AwsNodeOnNode.Container, cni.PreviousRun, AwsNodeOnNode.TailLines)
                        + $" && {KubectlCli.AwsNodeDaemonSet(cluster)}"
                    : $"{KubectlCli.AwsNodePods(cluster)} && {KubectlCli.AwsNodeDaemonSet(cluster)}",
            };
    }

    public static IEnumerable<EvidenceItem> Evidence(AwsNodeOnNode cni)
    {
        const string source = "kubernetes:pods kube-system/aws-node";
        if (cni.DaemonSet is { } ds)
        {
            yield return new("kubernetes:daemonsets kube-system/aws-node", "ready of desired",
                $"{ds.NumberReady} of {ds.DesiredNumberScheduled} ready, {ds.NumberUnavailable} unavailable, {ds.UpdatedNumberScheduled} updated");
        }

        if (cni.Pod is { } pod)
        {
            yield return new(source, $"pod {pod.Name}", State(cni));
        }

        foreach (var warning in cni.Events.Where(e => e.Type == "Warning").GroupBy(e => e.Reason).Select(g => g.Last()))
        {
            yield return new("kubernetes:events", $"aws-node {warning.Reason} ({warning.Count} times)", warning.Message ?? string.Empty);
        }

        if (cni.LogLines.Count > 0)
        {
            yield return new("kubernetes:pods/log", $"aws-node last lines{(cni.PreviousRun ? " (previous run)" : string.Empty)}",
                string.Join('\n', cni.LogLines.TakeLast(3)));
        }

        if (cni.NodeReady is { } ready)
        {
            yield return new("kubernetes:nodes", $"node {cni.Node!.Name} Ready", $"{ready.Status}{(ready.Message is { } m ? $": {m}" : string.Empty)}");
        }
    }

    private static string State(AwsNodeOnNode cni) => cni.Status is { } s
        ? $"{(s.Ready ? "ready" : "not ready")}, {s.WaitingReason ?? (s.Running ? "running" : "not running")}, "
            + FormattableString.Invariant($"{s.RestartCount} restarts")
            + (s.LastTerminatedExitCode is int code
                ? FormattableString.Invariant($", last exit {code}") + (s.LastTerminatedReason is { } r ? $" ({r})" : string.Empty)
                : string.Empty)
        : "no container status";

    // The first event message or log line that carries the cause, as the CNI wrote it.
    private static string Said(AwsNodeOnNode cni, string[] markers) =>
        cni.Events.Select(e => e.Message ?? string.Empty).Concat(cni.LogLines).Reverse()
            .FirstOrDefault(line => markers.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase))) ?? "see its events";

    private static IReadOnlyList<string> Fixes(CniFailureCause cause, AwsNodeOnNode cni)
    {
        var restart = cni.Pod is { } pod
            ? $"Then delete pod {AwsNodeOnNode.Namespace}/{pod.Name} so the DaemonSet starts it afresh; "
                + "the kubelet retries the waiting pods' sandboxes once ipamd answers."
            : "Then check why the DaemonSet has no pod on this node (its nodeSelector, affinity and tolerations against the node's labels and taints).";
        return cause switch
        {
            CniFailureCause.IamPermissions =>
            [
                "Attach the AmazonEKS_CNI_Policy managed policy (arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy) to the role aws-node uses: with IRSA, "
                + "the role in the eks.amazonaws.com/role-arn annotation of service account kube-system/aws-node (the vpc-cni add-on's "
                + "serviceAccountRoleArn); without it, the node's instance role.",
                restart,
            ],
            CniFailureCause.ApiServerUnreachable =>
            [
                "Let the node reach the API server: the node's security groups must allow outbound 443 to the cluster security group, "
                + "and a node without a route to the public endpoint needs the cluster's private endpoint access turned on.",
                restart,
            ],
            _ =>
            [
                "Read aws-node's logs (and /var/log/aws-routed-eni/ipamd.log on the node) for why ipamd does not start, and check the vpc-cni "
                + "add-on's version is one supported for the cluster's Kubernetes version (aws eks describe-addon-versions --addon-name vpc-cni); "
                + "update or roll the add-on back to one that is.",
                restart,
            ],
        };
    }
}
