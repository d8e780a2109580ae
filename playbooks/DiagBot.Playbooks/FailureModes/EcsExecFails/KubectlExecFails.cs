using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 15 on EKS: `kubectl exec` into a pod fails. What the pod and its node show is checked first (pod not
/// running, container not running or not in the pod, node not Ready) and confirmed; what only kubectl's message
/// shows (RBAC on pods/exec, the control plane blocked from the kubelet's port 10250, no shell in the image) is likely,
/// with the command that settles it.
/// </summary>
internal static class KubectlExecFails
{
    public const string PodNotRunningSubCause = "pod-not-running";
    public const string ContainerNotInPodSubCause = "container-not-in-pod";
    public const string ContainerNotRunningSubCause = "container-not-running";
    public const string NodeNotReadySubCause = "node-not-ready";
    public const string ExecForbiddenSubCause = "rbac-pods-exec-forbidden";
    public const string KubeletDeniedSubCause = "kubelet-denies-apiserver";
    public const string KubeletPortBlockedSubCause = "kubelet-port-blocked";
    public const string KubeletUnreachableSubCause = "kubelet-unreachable";
    public const string KubeletReachableSubCause = "kubelet-reachable";
    public const string NoShellSubCause = "no-shell-in-image";
    public const string PodSideReadySubCause = "pod-side-ready";

    private const string Title = "kubectl exec cannot open a session";
    private const string DefaultRegion = "us-east-1";

    public static async Task<Verdict> InvestigateAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var said = KubectlExecError.Read(context.Subject.Symptom);
        var evidence = PodTermination.ContainerEvidence(pod).ToList();
        if (pod.Phase != "Running")
        {
            return For(playbook, VerdictStatus.Confirmed, $"Pod {pod.Namespace}/{pod.Name} is {pod.Phase ?? "in an unknown phase"}, not Running: exec needs a running container on a node ({(pod.Phase is "Succeeded" or "Failed" ? "a completed pod cannot be exec'd into" : "it has not started yet")}).",
                PodNotRunningSubCause, evidence, ["Exec into a running pod of the same workload, or use `kubectl debug` with a copy of this pod (`--copy-to`) to inspect a completed one."], KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name));
        }

        if (said.Container is { } named && pod.Containers.Count > 0 && pod.Containers.All(c => c.Name != named))
        {
            return For(playbook, VerdictStatus.Confirmed, $"Pod {pod.Namespace}/{pod.Name} has no container named {named}; its containers are {string.Join(", ", pod.Containers.Select(c => c.Name))}.",
                ContainerNotInPodSubCause, evidence, [$"Name one of the pod's containers with -c: {string.Join(", ", pod.Containers.Select(c => c.Name))}."], KubectlCli.Exec(cluster, pod.Namespace, pod.Name, pod.Containers[0].Name));
        }

        var target = pod.ContainerStatuses.FirstOrDefault(s => s.Name == said.Container) ?? pod.ContainerStatuses.FirstOrDefault(s => !s.Running) ?? pod.ContainerStatuses.FirstOrDefault();
        if (target is { Running: false })
        {
            return For(playbook, VerdictStatus.Confirmed, $"Container {target.Name} of pod {pod.Namespace}/{pod.Name} is not running ({target.WaitingReason ?? target.TerminatedReason ?? "not started"}; {target.RestartCount} restarts): the kubelet answers exec with \"container not found\" until it runs again.",
                ContainerNotRunningSubCause, evidence, [$"Find why {target.Name} is not running first (playbook 8 reads its previous logs), or inspect it with an ephemeral container: `{KubectlCli.DebugShell(cluster, pod.Namespace, pod.Name, target.Name)}`."], KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name));
        }

        var nodes = pod.NodeName is null ? null : await context.Evidence.Kubernetes.ListNodesAsync(cluster, null, cancellationToken).ConfigureAwait(false);
        var node = nodes?.Value?.FirstOrDefault(n => n.Name == pod.NodeName);
        var ready = node?.Conditions.FirstOrDefault(c => c.Type == "Ready");
        IReadOnlyList<EvidenceGap> missing = nodes?.Gap is { } gap ? [gap] : [];
        if (ready is not null)
        {
            evidence.Add(new EvidenceItem("kubernetes:nodes", $"node {node!.Name} Ready condition", $"{ready.Status} {ready.Reason}: {ready.Message}".Trim()));
        }

        if (node is not null && ready?.Status != "True")
        {
            return For(playbook, VerdictStatus.Confirmed, $"Node {node.Name} of pod {pod.Namespace}/{pod.Name} is not Ready ({ready?.Status ?? "no Ready condition"}: {ready?.Message ?? ready?.Reason ?? "unknown"}): its kubelet is not answering, so the API server cannot open the exec stream to it; the pod still reads Running until it is evicted.",
                NodeNotReadySubCause, evidence,
                [
                    $"Check the instance behind {node.Name} ({node.ProviderId ?? "see spec.providerID"}): stopped, impaired, or its kubelet or container runtime down (EC2 status checks, `journalctl -u kubelet` through SSM).",
                    "Replace the node if it does not come back (drain it or terminate the instance; the node group starts a new one); the pod is rescheduled once evicted.",
                ],
                KubectlCli.NodeConditions(cluster, node.Name)) with { Missing = missing };
        }

        // The pod and node look fine: read the path exec takes (API server to kubelet) rather than trust kubectl's words alone.
        var reach = await KubeletReach.ReadAsync(context.Evidence, cluster, pod, cancellationToken).ConfigureAwait(false);
        evidence.AddRange(reach.Evidence);
        missing = [.. missing, .. reach.Gaps];
        var where = new KubeletPathVerdict.Where(cluster, reach.Scope.Region ?? RegionOf(node) ?? DefaultRegion, ready?.Status == "True");
        if (KubeletPathVerdict.For(playbook, pod, where, said, reach, evidence, missing) is { } decided)
        {
            return decided;
        }

        var inconclusiveNode = node is null && pod.NodeName is not null;
        return said.Kind switch
        {
            KubectlExecErrorKind.Forbidden => For(playbook, VerdictStatus.Likely, $"kubectl was refused: exec needs the RBAC permission create on pods/exec in namespace {pod.Namespace}, and the caller's role lacks it (get pods is not enough).",
                ExecForbiddenSubCause, evidence, [$"Grant a Role in {pod.Namespace} with verbs [create] on resources [pods/exec] (and get on pods), bound to the caller's group; on EKS map the IAM principal to that group with an access entry."], KubectlCli.CanExec(cluster, pod.Namespace)) with { Missing = missing },
            KubectlExecErrorKind.KubeletDenied => For(playbook, VerdictStatus.Likely, $"The kubelet on node {pod.NodeName} refused the API server's own client ({said.KubeletClient}): that identity may not create nodes/proxy, so no exec, logs or port-forward reach this node, whatever the caller's RBAC.",
                KubeletDeniedSubCause, evidence, [$"Bind {said.KubeletClient} to the ClusterRole system:kubelet-api-admin (a ClusterRoleBinding), or restore the node's kubelet authorization settings (webhook mode, the cluster CA) if a custom AMI changed them."],
                $"kubectl --context {cluster} auth can-i create nodes --subresource=proxy --as {said.KubeletClient}") with { Missing = missing },
            KubectlExecErrorKind.KubeletUnreachable => For(playbook, VerdictStatus.Likely, $"The API server cannot reach the kubelet on node {pod.NodeName} (port 10250) although the node is {(inconclusiveNode ? "of unknown state" : "Ready")}: the node's security group does not allow TCP 10250 from the cluster security group (the control plane's ENIs).",
                KubeletPortBlockedSubCause, evidence, ["Allow inbound TCP 10250 on the node security group from the EKS cluster security group (aws eks describe-cluster shows it as resourcesVpcConfig.clusterSecurityGroupId).", "Check network ACLs of the node subnets allow the same, and return traffic."],
                NodeSecurityGroups(node)) with { Missing = missing },
            KubectlExecErrorKind.NoExecutable => For(playbook, VerdictStatus.Likely, $"The command kubectl asked to run does not exist in container {target?.Name} (image {pod.Containers.FirstOrDefault(c => c.Name == target?.Name)?.Image ?? "unknown"}): distroless and scratch images have no shell.",
                NoShellSubCause, evidence, [$"Use an ephemeral debug container with a shell that shares the container's processes: `{KubectlCli.DebugShell(cluster, pod.Namespace, pod.Name, target?.Name ?? pod.Name)}`.", "Or exec a binary the image has (the app's own, or /busybox/sh in a :debug variant of the image)."],
                KubectlCli.DebugShell(cluster, pod.Namespace, pod.Name, target?.Name ?? pod.Name)) with { Missing = missing },
            _ when inconclusiveNode => For(playbook, VerdictStatus.Inconclusive, $"Pod {pod.Namespace}/{pod.Name} and its containers are running, but its node {pod.NodeName} could not be read, so whether the kubelet can answer is not settled.",
                null, evidence, [], KubectlCli.NodeConditions(cluster, pod.NodeName!)) with { Missing = missing },
            _ => For(playbook, VerdictStatus.RuledOut, $"The pod side is ready for exec: pod {pod.Namespace}/{pod.Name} is Running, its containers run and node {pod.NodeName} is Ready. Quote kubectl's error to narrow it down (RBAC on pods/exec, port 10250 from the control plane, no shell in the image).",
                PodSideReadySubCause, evidence, ["Check the caller's permission first; it is the commonest cause once the pod is healthy."], KubectlCli.CanExec(cluster, pod.Namespace)) with { Missing = missing },
        };
    }

    // providerID is aws:///us-east-1b/i-0abc...: the zone names the region, the last part the instance.
    private static string? RegionOf(KubeNode? node) =>
        node?.ProviderId?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, { Length: > 1 } zone, _] ? zone[..^1] : null;

    private static string NodeSecurityGroups(KubeNode? node)
    {
        var parts = node?.ProviderId?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [_, var zone, var instance])
        {
            return "aws ec2 describe-security-groups --filters Name=ip-permission.from-port,Values=10250";
        }

        return $"aws ec2 describe-instances --region {zone[..^1]} --instance-ids {instance} --query \"Reservations[].Instances[].SecurityGroups[].GroupId\"";
    }

    internal static Verdict For(
        IPlaybook playbook, VerdictStatus status, string rootCause, string? subCause, List<EvidenceItem> evidence, IReadOnlyList<string> fix, string confirm) =>
        Verdict.For(playbook, status, rootCause) with { Title = Title, SubCause = subCause, Evidence = evidence, Fix = fix, Confirm = confirm };
}
