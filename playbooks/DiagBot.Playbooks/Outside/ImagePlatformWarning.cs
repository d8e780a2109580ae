namespace DiagBot.Playbooks.Outside;

/// <summary>
/// Docker's warning that an image was built for another platform than the host's. It is a warning: the container runs
/// under emulation or fails later with "exec format error" (failure mode 14). Wording: moby's daemon/images
/// ("The requested image's platform (%s) does not match the detected host platform (%s) and no specific platform was
/// requested"), as quoted in Mrigank11/embetacloud#72, ldez/seihon#20, Red5d/docker-autocompose#29.
/// </summary>
internal static class ImagePlatformWarning
{
    public static OutsideCause Cause { get; } = new(
        "image-platform-warning",
        "Docker warned that the image was built for another CPU platform than the host's. On its own this is a warning (the container may run under emulation); it becomes a failure only if the container then exits with \"exec format error\".",
        [
            "Build the image for the platform it runs on (docker buildx build --platform linux/amd64 or linux/arm64), or publish a multi-arch image.",
            "On ECS, make the task definition's runtimePlatform.cpuArchitecture match the image.",
        ],
        context => context.TaskDefinition is null ? "aws ecs list-task-definitions --sort DESC --max-items 5" : $"aws ecs describe-task-definition --task-definition {context.TaskDefinition} --query taskDefinition.runtimePlatform",
        [
            Phrase.Of("platform mismatch warning", @"requested image's platform \(\S+\) does not match the detected host platform"),
        ],
        0.93,
        "a warning, not the exec format error itself")
    {
        ExplainsAway = new HashSet<int> { FailureModes.ExecFormatError.Number },
    };
}
