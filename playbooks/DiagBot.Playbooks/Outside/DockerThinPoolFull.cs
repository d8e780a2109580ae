namespace DiagBot.Playbooks.Outside;

/// <summary>The container instance's devmapper thin pool is full. Wording: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CannotCreateContainerError.html.</summary>
internal static class DockerThinPoolFull
{
    public static OutsideCause Cause { get; } = new(
        "docker-thin-pool-full",
        "The container instance's Docker storage (the devmapper thin pool) is full, so Docker cannot create the container.",
        [
            "Free space on the instance (remove stopped containers and unused images), or shorten ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION.",
            "Give the instances a larger Docker volume, or move to an AMI that uses overlay2.",
        ],
        context => context.DescribeTask("tasks[0].containers[].reason"),
        [Phrase.Of("thin pool full", @"thin pool|devmapper")],
        0.9,
        "Docker's storage-driver wording");
}
