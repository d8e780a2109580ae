using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The evidence and fix steps of playbook 4: the task definition's roles, the logged and audited denials.</summary>
internal static class AppAccessEvidence
{
    private const int LinesShown = 3;

    public static IEnumerable<EvidenceItem> Roles(EcsTaskDefinition definition, EcsTask? task)
    {
        yield return new EvidenceItem("ecs:DescribeTaskDefinition", "task role (the app's credentials)", definition.TaskRoleArn ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTaskDefinition", "execution role (ECS's own: image pull, logs, secrets at start)", definition.ExecutionRoleArn ?? "(none)");
        if (task is not null)
        {
            yield return new EvidenceItem("ecs:DescribeTasks", $"task {task.TaskId} launch type", task.LaunchType ?? task.CapacityProviderName ?? "(unknown)");
        }
    }

    public static IEnumerable<EvidenceItem> Denials(AccessDenialReader denials)
    {
        if (denials.LogsRead || denials.Logged.Count > 0)
        {
            yield return new EvidenceItem("logs:FilterLogEvents", "AccessDenied lines in the app's logs", denials.Logged.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var line in denials.Logged.DistinctBy(d => (d.PrincipalArn, d.Action)).Take(LinesShown))
        {
            yield return new EvidenceItem("logs:FilterLogEvents", line.PrincipalArn is null ? "denied call (principal not named)" : $"denied principal {line.PrincipalArn}", line.Line);
        }

        foreach (var e in denials.TrailDenied.Take(LinesShown))
        {
            yield return new EvidenceItem("cloudtrail:LookupEvents", $"{e.EventSource} {e.EventName} denied for role {e.SessionIssuerArn ?? e.PrincipalArn}", $"{e.ErrorCode}: {e.ErrorMessage}");
        }

        foreach (var e in denials.ExecutionRoleAllowed.Take(1))
        {
            yield return new EvidenceItem("cloudtrail:LookupEvents", $"{e.EventName} allowed for the execution role", $"{e.EventTime:u} {e.PrincipalArn}");
        }
    }

    public static List<string> Fix(string subCause, EcsTaskDefinition definition, AccessDenialReader denials)
    {
        var denial = denials.Logged.FirstOrDefault(d => d.Action is not null);
        var action = denial?.Action ?? denials.TrailDenied.FirstOrDefault()?.EventName ?? "the denied action";
        var resource = denial?.Resource ?? "the resource named in the error";
        var taskRole = definition.TaskRoleArn is { } arn ? AccessDenial.NameOf(arn) : null;
        var grant = taskRole is null
            ? $"Create a task role (trusted by ecs-tasks.amazonaws.com) that allows {action} on {resource}, set it as `taskRoleArn` in a new revision of {definition.Family}, and update the service."
            : $"Allow {action} on {resource} in a policy on the task role {taskRole}: `aws iam put-role-policy --role-name {taskRole} --policy-name allow-{action.Replace(':', '-').Replace('*', 'x')} --policy-document file://policy.json`.";
        var resourcePolicy = "If the resource has its own policy (a KMS key policy, an S3 bucket policy, an SQS queue policy), allow the role there too; an explicit Deny or an SCP named in the error wins over any Allow.";
        return subCause switch
        {
            AppAccessDeniedPlaybook.PermissionOnExecutionRoleSubCause =>
            [
                grant,
                $"Leave the execution role {definition.ExecutionRoleArn} with what ECS needs to start the task (ECR pull, logs, secrets); the app never calls with it.",
                resourcePolicy,
            ],
            AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause =>
            [
                grant,
                "On EC2 with bridge or host networking, make sure the agent hands out task credentials (ECS_ENABLE_TASK_IAM_ROLE=true, ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true for host mode) and that the SDK is not configured to use the instance profile first.",
                "Block the container from the instance metadata service (ECS_AWSVPC_BLOCK_IMDS, or an iptables rule in bridge mode) so it can never fall back to the instance profile.",
            ],
            AppAccessDeniedPlaybook.OtherPrincipalSubCause =>
            [
                "Find where the app gets these credentials (AWS_ACCESS_KEY_ID in its environment or secrets, an explicit AssumeRole, a profile in the image) and grant the call there, or remove them so the task role is used.",
                resourcePolicy,
            ],
            _ => [grant, resourcePolicy],
        };
    }
}
