using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 3: the execution role may not read the secret the task definition injects; CloudTrail shows the denied
/// GetSecretValue by that role for this task's session.
/// </summary>
internal sealed class SecretsPullFailed : ICatalogueEntry
{
    public const string Name = "p03-secrets-pull-failed";

    public SandboxScenario Seed(SeedContext context)
    {
        var account = context.Options.AccountId;
        var secretArn = $"arn:aws:secretsmanager:{context.Options.Region}:{account}:secret:prod/billing/db-password-Xy12Ab";
        var container = EcsSeeds.Container("worker", EcsSeeds.Image(context, "billing-worker", "7.3.1"), memory: 1024, containerPort: 0) with
        {
            Secrets = [new EcsSecret("DB_PASSWORD", secretArn)],
        };
        var definition = EcsSeeds.TaskDefinition(context, "billing-worker", 19, cpu: "512", memory: "1024", container) with
        {
            ExecutionRoleArn = $"arn:aws:iam::{account}:role/billing-worker-execution-role",
        };
        context.World.Ecs.Add(definition);

        var taskId = SeedContext.TaskId(Name);
        var principal = $"arn:aws:sts::{account}:assumed-role/billing-worker-execution-role/{taskId}";
        var denial = $"User: {principal} is not authorized to perform: secretsmanager:GetSecretValue on resource: {secretArn} because no identity-based policy allows the secretsmanager:GetSecretValue action";
        var reason = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
            $"service call has been retried 1 time(s): failed to fetch secret {secretArn} from secrets manager: AccessDeniedException: {denial} status code: 400, request id: {Guid.Parse(SeedContext.Hex("req/" + Name, 32))}";
        var life = TaskLife.Stopped(context, "billing-worker", "TaskFailedToStart", reason, stoppedMinutesAgo: 7) with { StartedAt = null };
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), "billing-worker", definition, desiredCount: 1, s => s with
        {
            RunningCount = 0,
            Deployments = [s.Deployments[0] with { RunningCount = 0, FailedTasks = 4, RolloutState = "IN_PROGRESS", RolloutStateReason = null }],
        });
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { LastStatus = "STOPPED", ExitCode = null });

        EvidenceSeeds.Trail(context, Name, "secretsmanager.amazonaws.com", "GetSecretValue", "billing-worker-execution-role", taskId, minutesAgo: 8,
            errorCode: "AccessDenied", errorMessage: denial, requestParameters: new Dictionary<string, string> { ["secretId"] = secretArn },
            resources: ("AWS::SecretsManager::Secret", secretArn));

        return new SandboxScenario(Name, 3, task.TaskArn,
            "Task of service billing-worker failed to start: ResourceInitializationError, the execution role is denied secretsmanager:GetSecretValue on prod/billing/db-password.");
    }
}
