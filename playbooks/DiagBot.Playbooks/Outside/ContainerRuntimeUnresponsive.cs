using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The agent could not get the container runtime (Docker or containerd) to start, stop, inspect or move a container in
/// time. Wordings: the stopped-task error codes page (https://docs.aws.amazon.com/AmazonECS/latest/userguide/stopped-task-error-codes.html:
/// "ContainerRuntimeTimeoutError: Could not transition to running; timed out after waiting 1m", "CannotStartContainerError:
/// failed to get container status", "CannotStopContainerError: failed sending SIGTERM to container", "CannotInspectContainerError")
/// and the agent's own error names (aws/amazon-ecs-agent agent/dockerclient/dockerapi/errors.go: DockerTimeoutError, "Could not
/// transition to ...; timed out after waiting ...").
/// </summary>
internal static class ContainerRuntimeUnresponsive
{
    public static OutsideCause Cause { get; } = new(
        "container-runtime-unresponsive",
        "The container runtime on the host (Docker or containerd) did not start, stop or describe the container in time, so the agent gave up on "
            + "the task. The image, the app and its memory are not at fault; the host's runtime or its disk was too slow or stuck.",
        [
            "Read the stop reason's tail: it names the step (create, running, stopped) and how long the agent waited.",
            "On EC2, read the instance's Docker or containerd logs and its disk (IOPS, a full thin pool), and restart or replace the instance; "
                + "on Fargate, run the task again.",
        ],
        context => context.DescribeTask("tasks[0].[stoppedReason,containers[].reason]"),
        [
            Phrase.Of("the runtime timed out", @"containerruntimetimeouterror|dockertimeouterror|could not transition to \w+; timed out after waiting"),
            Phrase.Of("the runtime could not stop or inspect", @"cannotstopcontainererror|cannotinspectcontainererror|failed sending sigterm to container"),
            Phrase.Of("the runtime lost the container's status", @"cannotstartcontainererror: failed to get container status"),
        ],
        0.88,
        "ECS's own stopped-task error codes")
    {
        // The runtime never ran the command or lost it: no crash to loop on, and the stop is not memory.
        ExplainsAway = new HashSet<int> { FailureModes.CrashLoop.Number, FailureModes.TaskOutOfMemory.Number },
        OnlyIn = Fields.Of(EvidenceField.StoppedReason, EvidenceField.ContainerReason, EvidenceField.Log, EvidenceField.ServiceEvent),
    };
}
