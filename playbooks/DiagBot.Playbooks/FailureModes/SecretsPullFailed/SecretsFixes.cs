using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Ecs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The fix steps and the secret-specific confirm commands of playbook 3.</summary>
internal static class SecretsFixes
{
    private const string SecretsManagerArn = ":secretsmanager:";

    public static IReadOnlyList<string> AccessDenied(string? role, IEnumerable<string> resources, string? action = null)
    {
        var targets = string.Join(", ", resources);
        var who = role ?? "the execution role of the task definition";
        return
        [
            action is null
                ? $"Allow {who} secretsmanager:GetSecretValue (Secrets Manager) or ssm:GetParameters (Parameter Store) on {(targets.Length == 0 ? "the secrets the task definition names" : targets)}."
                : $"Allow {who} {action} on {(targets.Length == 0 ? "the secret the task definition names" : targets)}.",
            "If the secret or SecureString uses a customer managed KMS key, also allow kms:Decrypt on that key (in the role and in the key policy).",
            "Attach it to the execution role, not the task role: ECS reads `secrets` with the execution role before the container starts. Then force a new deployment.",
        ];
    }

    public static IReadOnlyList<string> NotFound(IReadOnlyList<EcsSecret> secrets) =>
    [
        $"Check each valueFrom exists in the task's account and region: {(secrets.Count == 0 ? "see the task definition's secrets" : string.Join(", ", secrets.Select(s => s.ValueFrom)))}.",
        "A Secrets Manager ARN must carry the six-character suffix (or use the secret's name); a parameter in another region must be given by its full ARN.",
        "Create the missing secret or parameter, or fix the reference in a new task definition revision, then force a new deployment.",
    ];

    public static IReadOnlyList<string> Unreachable(TaskNetworkPath network, NetworkAssessment assessment) => assessment.Status == PathStatus.PublicIpDisabled
        ? [$"Enable assignPublicIp for service {network.ServiceName}, or move it to private subnets behind a NAT gateway."]
        :
        [
            $"Add a 0.0.0.0/0 route to a NAT gateway in route table {network.RouteTable?.RouteTableId ?? "of the task's subnet"},",
            $"or create Interface endpoints (private DNS on) in {network.VpcId ?? "the task's VPC"} for: {(assessment.MissingEndpoints.Count == 0 ? "secretsmanager and/or ssm" : string.Join(", ", assessment.MissingEndpoints))}.",
            "The endpoints' security group must admit TCP 443 from the tasks, and the tasks' security group must allow 443 out.",
        ];

    public static IReadOnlyList<string> ExecutionRoleMissing() =>
    [
        "Create or choose an execution role trusted by ecs-tasks.amazonaws.com, with AmazonECSTaskExecutionRolePolicy plus read access to the secrets.",
        "Set it as executionRoleArn in a new task definition revision and update the service to it.",
    ];

    public static IReadOnlyList<string> Unclassified() =>
    [
        "Read the full reason with the confirm command: it names the secret and the error the service returned.",
        "Check, in order: the execution role's permissions on each secret, that each secret exists in that region, and the subnet's route to Secrets Manager / SSM.",
    ];

    public static IReadOnlyList<string> ReadActions(IReadOnlyList<EcsSecret> secrets)
    {
        var actions = new List<string>();
        if (secrets.Count == 0 || secrets.Any(s => s.ValueFrom.Contains(SecretsManagerArn, StringComparison.Ordinal)))
        {
            actions.Add("secretsmanager:GetSecretValue");
        }

        if (secrets.Count == 0 || secrets.Any(s => !s.ValueFrom.Contains(SecretsManagerArn, StringComparison.Ordinal)))
        {
            actions.Add("ssm:GetParameters");
        }

        return actions;
    }

    public static string NotFoundConfirm(EcsTask task, IReadOnlyList<EcsSecret> secrets)
    {
        var region = StartupCli.RegionOf(task);
        var secret = secrets.Select(s => s.ValueFrom).FirstOrDefault(v => v.Contains(SecretsManagerArn, StringComparison.Ordinal));
        if (secret is not null)
        {
            // valueFrom may name a JSON key and version after the ARN ("arn:...:secret:name-AbCdEf:key::"); describe-secret wants the ARN.
            return $"aws secretsmanager describe-secret --region {region} --secret-id {string.Join(':', secret.Split(':').Take(7))}";
        }

        var parameters = secrets.Select(s => s.ValueFrom).ToList();
        return parameters.Count == 0
            ? StartupCli.DescribeExecutionRole(task)
            : $"aws ssm get-parameters --region {region} --names {string.Join(' ', parameters)} --query InvalidParameters";
    }
}
