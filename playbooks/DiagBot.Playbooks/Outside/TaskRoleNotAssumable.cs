namespace DiagBot.Playbooks.Outside;

/// <summary>
/// ECS could not assume a role the task or service names. Wording: the ECS API's "Unable to assume the service linked
/// role" and "ECS was unable to assume the role" refusals (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html).
/// </summary>
internal static class TaskRoleNotAssumable
{
    public static OutsideCause Cause { get; } = new(
        "role-not-assumable",
        "ECS could not assume a role the task or service names (its trust policy does not trust ecs-tasks.amazonaws.com or ecs.amazonaws.com, or the service-linked role is missing).",
        [
            "Give the role a trust policy that allows the ECS service principal to assume it.",
            "Create the service-linked role if it is missing: aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com.",
        ],
        context => context.ServiceEvents(),
        [Phrase.Of("role could not be assumed", @"unable to assume (the )?(role|service linked role|configured ecs infrastructure role)|service linked role")],
        0.9,
        "ECS's own refusal")
    {
        ExplainsAway = new HashSet<int> { FailureModes.AppAccessDenied.Number },
    };
}
