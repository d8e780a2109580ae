namespace DiagBot.Playbooks.Outside;

/// <summary>
/// ECS refused a RunTask, CreateService or RegisterTaskDefinition request for its parameters, so no task ran. Wordings:
/// the ECS API's InvalidParameterException and ClientException messages as quoted in awslabs/fargatecli#73,
/// aws/amazon-ecs-cli#627, PasseiDireto/gh-runner-task-action#8, eddmann/serverless-fargate#20, Reckon-Limited/containerless#9,
/// aws/copilot-cli#2593, hashicorp/terraform-provider-aws#6503, Harness's ECS troubleshooting page, and the task size
/// rules (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).
/// </summary>
internal static class InvalidLaunchRequest
{
    public static OutsideCause Cause { get; } = new(
        "invalid-launch-request",
        "ECS refused the launch or deploy request itself (RunTask, CreateService or RegisterTaskDefinition) because a parameter is missing or invalid: no task ran.",
        [
            "Correct the parameter the refusal names: subnets and security groups for awsvpc, the task size, executionRoleArn when secrets are used, a target group that belongs to a load balancer.",
            "Send the request again; nothing needs cleaning up, nothing was started.",
        ],
        context => context.TaskDefinition is null ? "aws ecs list-task-definitions --sort DESC --max-items 5" : $"aws ecs describe-task-definition --task-definition {context.TaskDefinition}",
        [
            Phrase.Of("network configuration missing or invalid", @"subnets can not be empty|security group cannot be blank|network configuration must be provided|assign public ip is not supported|the subnet id '[^']*' does not exist|invalidsubnetid"),
            Phrase.Of("target group not usable", @"does not have an associated load balancer|is currently in use by a listener or a rule"),
            // namuh-eng/opensend#487 ("ECS rejected task registration with `secret.valueFrom should not be null or empty`"),
            // aws-actions/amazon-ecs-deploy-task-definition#584 ("Failed to register task definition in ECS")
            Phrase.Of("task definition registration rejected", @"rejected task registration|valuefrom should not be null or empty|"
                + @"failed to register task definition"),
            Phrase.Of("task definition refused", @"you must also specify a value for 'executionrolearn'|fargate requires that 'cpu' be defined|'memory' setting for container is greater than for the task|invalid '?(cpu|memory)'? setting|no fargate configuration exists|new arn and resource id format must be enabled"),
        ],
        0.92,
        "ECS's own validation wording")
    {
        ExplainsAway = new HashSet<int>
        {
            FailureModes.Alb503NoTargets.Number, FailureModes.SecretsPullFailed.Number, FailureModes.TaskStuckProvisioning.Number,
        },
    };
}
