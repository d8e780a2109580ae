using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>
/// Before a task's containers start, the agent validates each awslogs configuration by creating the container's log stream.
/// The group must exist (the driver creates it only with awslogs-create-group "true"), or the task stops without starting:
/// - Fargate: "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to
///   create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1"
///   (quoted from a stopped task in a public Terraform configuration; the same prefix with AccessDeniedException in
///   doctorray117/minecraft-ondemand#12);
/// - EC2: the container's reason "CannotStartContainerError: Error response from daemon: failed to initialize logging driver:
///   failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist."
///   (cn-terraform/terraform-aws-ecs-fargate-task-definition#1, Rayraegah/terraform-aws-hasura#25).
/// </summary>
internal static class EcsTaskLaunchRules
{
    public const string FargateLoggerArgsFailure =
        "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: " +
        "ResourceNotFoundException: The specified log group does not exist. : exit status 1";

    public const string Ec2LoggingDriverFailure =
        "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: " +
        "ResourceNotFoundException: The specified log group does not exist.";

    /// <summary>
    /// A seeded task whose definition names a missing group must be the task that failed for it; anything else is a state
    /// AWS cannot be in, and seeding stops with the reason.
    /// </summary>
    public static void CheckLogGroups(SandboxWorld world, EcsTaskDefinition definition, EcsTask task)
    {
        var missing = definition.ContainerDefinitions
            .Where(c => c.LogConfiguration is { LogDriver: "awslogs" } log && !CreatesGroup(log)
                && log.Options.GetValueOrDefault("awslogs-group") is { } group && world.Logs.FindGroup(group) is null)
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var failedForIt = task.StartedAt is null
            && (task.StoppedReason == FargateLoggerArgsFailure || task.Containers.Any(c => c.Reason == Ec2LoggingDriverFailure));
        if (!failedForIt)
        {
            var groups = string.Join(", ", missing.Select(c => c.LogConfiguration!.Options["awslogs-group"]));
            throw new InvalidOperationException(
                $"Seed error: task {task.TaskArn} names log group(s) {groups} that do not exist, yet it did not fail as ECS fails such a task ({FargateLoggerArgsFailure}).");
        }
    }

    private static bool CreatesGroup(EcsLogConfiguration log) =>
        string.Equals(log.Options.GetValueOrDefault("awslogs-create-group"), "true", StringComparison.OrdinalIgnoreCase);
}
