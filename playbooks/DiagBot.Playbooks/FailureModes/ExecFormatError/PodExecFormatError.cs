using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 14 on EKS: the kernel refuses a container's entrypoint ("exec /usr/local/bin/app: exec format error", runc's
/// wording) because the node's CPU architecture (its kubernetes.io/arch label) is not one the image was built for, e.g. a
/// Graviton (arm64) node given an amd64-only image. DiagBot reads no registry: the image's architecture comes from its
/// reference, or from the same image running on a node of the other architecture.
/// </summary>
internal static class PodExecFormatError
{
    private const string Source = "kubernetes:pods";

    public static async Task<Verdict> InvestigateAsync(
        IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var container = PodTermination.Looping(pod)
            ?? pod.ContainerStatuses.FirstOrDefault(s => s.RestartCount > 0) ?? pod.ContainerStatuses.FirstOrDefault();
        if (pod.NodeName is not { } nodeName || container is null)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut,
                $"No container of pod {pod.Namespace}/{pod.Name} has started on a node, so none was refused by the kernel.");
        }

        var previous = container.RestartCount > 0;
        if (!previous && container.WaitingReason is { } waiting)
        {
            // The API server refuses the log of a container waiting for its first run; there is no exec to fail yet.
            return Verdict.For(playbook, VerdictStatus.RuledOut,
                $"Container {container.Name} of pod {pod.Namespace}/{pod.Name} has not run yet ({waiting}), so no exec was refused.");
        }

        var k8s = context.Evidence.Kubernetes;
        var query = PodTermination.PreviousRun(pod, container.Name) with { Previous = previous };

        // The nodes and the namespace's pods are asked beside the log: when the line is there, they say which architecture is which.
        var logRead = k8s.GetPodLogAsync(cluster, query, cancellationToken);
        var nodesRead = k8s.ListNodesAsync(cluster, null, cancellationToken);
        var podsRead = k8s.ListPodsAsync(cluster, pod.Namespace, null, cancellationToken);
        var (log, nodes, pods) = (await logRead.ConfigureAwait(false), await nodesRead.ConfigureAwait(false), await podsRead.ConfigureAwait(false));

        var run = previous ? "previous run" : "current run";
        var image = pod.Containers.FirstOrDefault(c => c.Name == container.Name)?.Image ?? container.Image ?? "(unknown image)";
        var reading = PodArchitectures.Read(pod, nodeName, image, nodes.Value, pods.Value);
        var evidence = new List<EvidenceItem>
        {
            new("kubernetes:nodes", $"node {nodeName} {PodArchitectures.ArchLabel}", reading.Node ?? "(node not read)"),
            new(Source, $"container {container.Name} image", image),
        };
        List<EvidenceGap> missing = [.. new[] { nodes.Gap, pods.Gap }.OfType<EvidenceGap>()];
        var confirm = $"{KubectlCli.NodeArchitecture(cluster, nodeName)} && "
            + KubectlCli.Logs(cluster, pod.Namespace, pod.Name, container.Name, previous, PodTermination.LinesRead);

        if (log.Value?.Select(l => l.Trim()).LastOrDefault(ImageArchitecture.HasExecFormatError) is not { } line)
        {
            if (log.Gap is { } gap)
            {
                return Verdict.For(playbook, VerdictStatus.Inconclusive,
                        $"Container {container.Name}'s {run} log could not be read to look for \"exec format error\".")
                    with { Evidence = evidence, Missing = [gap, .. missing], Confirm = confirm };
            }

            var on = reading.Node is { } arch ? $" on {arch} node {nodeName}" : string.Empty;
            return Verdict.For(playbook, VerdictStatus.RuledOut,
                $"Container {container.Name} of pod {pod.Namespace}/{pod.Name}{on} was not refused by the kernel: "
                + $"its {run}'s last {PodTermination.LinesRead} log lines "
                + $"hold no \"exec format error\", so image {image} has a build for this node's architecture.")
                with { Evidence = evidence, Missing = missing, Confirm = confirm };
        }

        evidence.Insert(0, new EvidenceItem("kubernetes:pods/log", $"container {container.Name} {run}", line));
        if (reading.Elsewhere is { } seen)
        {
            evidence.Add(new EvidenceItem(Source, $"the same image on node {seen.Node} ({seen.Architecture})", $"pod {seen.Pod}: running and ready"));
        }

        evidence.Add(new EvidenceItem("(inference)", "image architecture (DiagBot reads no image manifest)",
            reading.Image is { } inferred ? $"{inferred}, {reading.How}" : "(not named by the reference, not seen running elsewhere)"));
        var where = $"Container {container.Name} of pod {pod.Namespace}/{pod.Name}";
        var (status, subCause, rootCause) = (reading.Node, reading.Image) switch
        {
            ({ } runs, { } built) when runs != built => (VerdictStatus.Confirmed, ExecFormatErrorPlaybook.ArchitectureMismatchSubCause,
                $"{where} cannot start: node {nodeName} is {runs} ({PodArchitectures.ArchLabel}) but image {image} has no {runs} build ({reading.How}), "
                + $"so the kernel refuses its entrypoint: \"{line}\"."),
            ({ } runs, { }) => (VerdictStatus.Likely, ExecFormatErrorPlaybook.SameArchitectureSubCause,
                $"{where} failed with \"{line}\" although its image names the node's own {runs}: the entrypoint is likely not executable here "
                + "(a script without a #! line, or a binary copied in from another architecture)."),
            _ => (VerdictStatus.Likely, ExecFormatErrorPlaybook.ArchitectureUnverifiedSubCause,
                $"{where} failed with \"{line}\": image {image} is most likely built for another CPU architecture than node {nodeName}'s "
                + $"{reading.Node ?? "(unread)"}; the image's architecture could not be read, only inferred."),
        };

        return Verdict.For(playbook, status, rootCause) with
        {
            SubCause = subCause,
            Evidence = evidence,
            Missing = missing,
            Fix = Fix(pod, image, reading),
            Confirm = confirm,
        };
    }

    private static List<string> Fix(KubePod pod, string image, PodArchitectures reading)
    {
        var workload = PodTermination.DeploymentOf(pod) is { } deployment ? $"deployment {deployment}'s pod template" : "the pod template";
        var label = PodArchitectures.ArchLabel;
        return
        [
            $"Build {image} for both architectures as one multi-arch image: `docker buildx build --platform linux/amd64,linux/arm64 -t {image} --push .`; "
                + "each node then pulls the variant of its own architecture.",
            reading.Image is { } built && built != reading.Node
                ? $"Until then keep the pods on {built} nodes: add `nodeSelector: {{{label}: {built}}}` to {workload}, or a required nodeAffinity on {label}."
                : $"Until then keep the pods on nodes of the image's architecture: a nodeSelector or a required nodeAffinity on {label} in {workload}.",
            $"If Karpenter or a Graviton node group brought the node, its NodePool's {label} requirement (or the node group's instance types) "
                + "decides which architectures the workload can land on.",
            "If the image's architecture already matches, check the entrypoint: a shell script needs a #! line and LF line endings.",
        ];
    }
}
