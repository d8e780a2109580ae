using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Diagnostics.Logs;

/// <summary>Where the awslogs driver writes an ECS container's output.</summary>
public static class EcsLogStreams
{
    public const string AwsLogsDriver = "awslogs";

    /// <summary>
    /// The group and stream of one container of a task: awslogs-group, and "prefix/container/task-id" (the
    /// driver's naming when awslogs-stream-prefix is set; without a prefix the stream cannot be derived).
    /// </summary>
    public static (LogGroupRef Group, string StreamName)? For(EcsTask task, EcsContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(container);
        if (container.LogConfiguration is not { LogDriver: AwsLogsDriver } log
            || !log.Options.TryGetValue("awslogs-group", out var group)
            || !log.Options.TryGetValue("awslogs-stream-prefix", out var prefix))
        {
            return null;
        }

        var region = log.Options.TryGetValue("awslogs-region", out var r) ? r : null;
        var account = Aws.Arn.TryParse(task.TaskArn, out var arn) ? arn.AccountId : null;
        return (new LogGroupRef(group, region ?? arn?.Region, account), $"{prefix}/{container.Name}/{task.TaskId}");
    }
}
