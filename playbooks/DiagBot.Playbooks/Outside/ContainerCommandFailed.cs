using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The runtime could not start the container's command: the executable is not in the image, is not executable, or the
/// runtime refused the container's cgroup settings. Wordings (batch 18): runc's and Docker's own start errors as quoted in
/// aws/amazon-ecs-cli#1136 ("exec: \"python\": executable file not found in $PATH"), appleboy/scp-action#164
/// ("exec /bin/entrypoint.sh: permission denied"), amazon-archives/service-discovery-ecs-consul#1 and
/// aws/containers-roadmap#1890 ("error setting cgroup config for procHooks process").
/// </summary>
internal static class ContainerCommandFailed
{
    public static OutsideCause Cause { get; } = new(
        "container-command-failed",
        "The container runtime could not start the container's command (the executable is missing from the image, lacks its execute bit, or the "
            + "runtime refused the container's cgroup settings), so the container never ran; no application code was reached.",
        [
            "Read the stop reason or the pod's StartError: it names the command and why it could not start.",
            "Check the image's entrypoint and command (docker inspect, or run the image locally): the file must exist in the image, be executable "
                + "(chmod +x in the Dockerfile) and be on PATH when named without a path.",
            "For a cgroup error, compare the container's CPU and memory settings with what the node or Fargate allows.",
        ],
        context => context.Pod is not null ? context.PodEvents() : context.DescribeTask("tasks[0].containers[].reason"),
        [
            // Only at create: "OCI runtime exec failed" with the same words is an exec into a running container (playbook 15)
            Phrase.Of("the executable is not in the image", @"oci runtime create failed.{0,160}executable file not found in \$?path"),
            Phrase.Of("the executable may not be run", @"(exec:? ""?[^""\s]+""?|exec \S+): permission denied"),
            Phrase.Of("the runtime refused the cgroup settings", @"error setting cgroup config"),
            // The kubelet's waiting reason when the runtime's StartContainer failed (kubernetes/kubernetes
            // pkg/kubelet/container/sync_result.go, ErrRunContainer "RunContainerError"), and containerd's terminated reason
            // "StartError" beside it (vdesabou/kafka-docker-playground#8515): the same start error, named without its words
            Phrase.Of("the kubelet's or containerd's name for a failed start", @"\brun ?containererror\b|\breason: ?starterror\b"),
        ],
        0.9,
        "the runtime's own start error, before the app ran")
    {
        // A container that never started did not crash in a loop, and runc's "permission denied" is not an AWS denial.
        ExplainsAway = new HashSet<int> { FailureModes.CrashLoop.Number, FailureModes.AppAccessDenied.Number },

        // A stop reason, a runtime log line or a pod's status names the start error once; the kubelet's event repeats it as
        // the pod restarts, which playbook 8 reads as the loop it is.
        OnlyIn = Fields.Of(EvidenceField.StoppedReason, EvidenceField.ContainerReason, EvidenceField.Log, EvidenceField.PodStatus),
    };
}
