using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 2 on EKS: a container waiting in ErrImagePull or ImagePullBackOff. The kubelet's Warning "Failed to pull
/// image" event quotes the runtime's error; it is told apart by kind exactly as the ECS half tells a stopped task's
/// reason (<see cref="PullFailure"/>), and each kind gets the EKS fix (the node role, a pull secret, the node's path).
/// </summary>
internal static class PodImagePull
{
    // The kubelet's pull-failure events (pkg/kubelet/images/image_manager.go): Warning "Failed" with "Failed to pull image
    // %q: %v", then "Error: ErrImagePull"; Normal "BackOff" with "Back-off pulling image %q" and the waiting reason
    // ImagePullBackOff; a pull that worked is Normal "Pulled", "Successfully pulled image %q in %v (%v including waiting)".
    private const string FailedToPull = "Failed to pull image";
    private static readonly string[] PullWaiting = ["ErrImagePull", "ImagePullBackOff"];

    public static Verdict Investigate(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster)
    {
        var waiting = pod.ContainerStatuses.FirstOrDefault(c => c.WaitingReason is { } reason && PullWaiting.Contains(reason));
        var failed = context.PodEvents.LastOrDefault(e => e.Reason == "Failed" && e.Message?.StartsWith(FailedToPull, StringComparison.Ordinal) == true);
        var describe = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name);
        if (waiting is null)
        {
            return RuledOut(playbook, pod, context.PodEvents, failed) with { Confirm = describe };
        }

        var message = failed?.Message ?? waiting.WaitingMessage ?? string.Empty;
        var image = waiting.Image ?? pod.Containers.FirstOrDefault(c => c.Name == waiting.Name)?.Image;
        var evidence = new List<EvidenceItem>
        {
            new("kubernetes:pods", $"container {waiting.Name} waiting", $"{waiting.WaitingReason}: {waiting.WaitingMessage ?? "(no message)"}"),
            new("kubernetes:pods", $"container {waiting.Name} image", image ?? "(unknown)"),
        };
        if (failed is not null)
        {
            evidence.Add(new("kubernetes:events", $"Failed ({failed.Count} times)", message));
        }

        var (status, subCause, cause) = Explain(PullFailure.Classify(message), image ?? "its image", pod, failed is not null);
        return Verdict.For(playbook, status, cause) with
        {
            SubCause = subCause,
            Evidence = evidence,
            Fix = PodPullFixes.For(PullFailure.Classify(message), image, pod),
            Confirm = describe,
        };
    }

    private static (VerdictStatus Status, string? SubCause, string Cause) Explain(PullFailureKind kind, string image, KubePod pod, bool quoted)
    {
        var who = $"pod {pod.Namespace}/{pod.Name}";
        var node = pod.NodeName is { } name ? $"node {name}" : "its node";
        return kind switch
        {
            PullFailureKind.ImageNotFound => (VerdictStatus.Confirmed, CannotPullContainerPlaybook.ImageNotFoundSubCause,
                $"Image {image} does not exist in its registry (the tag or repository is missing), so {who} cannot pull it."),
            PullFailureKind.AuthDenied => (VerdictStatus.Confirmed, CannotPullContainerPlaybook.AuthDeniedSubCause,
                $"The registry refused {node}'s credentials for {image}, so {who} cannot pull it."),
            PullFailureKind.AuthOrNotFound => (VerdictStatus.Likely, CannotPullContainerPlaybook.ImageNotFoundSubCause,
                $"The registry denied {image} to {node} without saying whether it exists: "
                + "the repository or tag is most likely missing, or private to other credentials."),
            PullFailureKind.Network => (VerdictStatus.Confirmed, CannotPullContainerPlaybook.NetworkSubCause,
                $"{node} cannot reach the registry of {image} (the pull timed out), so {who} cannot pull it."),
            PullFailureKind.RateLimit => (VerdictStatus.Confirmed, CannotPullContainerPlaybook.RateLimitSubCause,
                $"The registry refused to serve {image} to {node}: its pull rate limit was reached (toomanyrequests)."),
            PullFailureKind.DiskFull => (VerdictStatus.Confirmed, CannotPullContainerPlaybook.DiskFullSubCause,
                $"Pulling {image} on {node} ran out of disk space (no space left on device)."),
            _ => (VerdictStatus.Likely, null, quoted
                ? $"The kubelet cannot pull {image} for {who}; its message does not say why (see the event)."
                : $"{who} waits in ImagePullBackOff for {image}; no \"Failed to pull image\" event is left to say why."),
        };
    }

    // A pull that failed and then worked, or was merely slow, leaves its events behind: name the pull that worked.
    private static Verdict RuledOut(IPlaybook playbook, KubePod pod, IReadOnlyList<KubeEvent> events, KubeEvent? failed)
    {
        var pulled = events.LastOrDefault(e => e.Reason == "Pulled");
        var said = pulled?.Message is { } message ? $": the kubelet says \"{message}\"" : string.Empty;
        var before = failed is null ? string.Empty : $"; its earlier pull failure ({failed.Count} times) has passed";
        return Verdict.For(playbook, VerdictStatus.RuledOut,
            $"Pod {pod.Namespace}/{pod.Name} has no container waiting on its image{said}{before}.")
            with
            {
                Evidence =
                [
                    new("kubernetes:pods", "phase", pod.Phase ?? "(unknown)"),
                    .. pulled is null ? [] : new[] { new EvidenceItem("kubernetes:events", "Pulled", pulled.Message ?? string.Empty) },
                ],
            };
    }
}
