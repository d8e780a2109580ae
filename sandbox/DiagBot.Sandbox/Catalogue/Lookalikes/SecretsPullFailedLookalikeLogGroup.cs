using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a secrets failure: audit-shipper injects a Secrets Manager secret and its task stopped before starting with a
/// ResourceInitializationError, the secrets failure's own prefix. But the reason is the log driver's: the task definition
/// names awslogs group /ecs/audit-shipper, which nobody created (no awslogs-create-group), so the agent's logger
/// validation failed (the wording is EcsTaskLaunchRules', from a stopped task quoted in a public Terraform configuration and
/// doctorray117/minecraft-ondemand#12). A failure outside the failure modes: the missing log group.
/// </summary>
internal sealed class SecretsPullFailedLookalikeLogGroup : ICatalogueEntry
{
    public const string Name = "lookalike-missing-log-group";
    private const string ServiceName = "audit-shipper";
    private const string LogGroup = "/ecs/audit-shipper";

    public SandboxScenario Seed(SeedContext context)
    {
        var secretArn = $"arn:aws:secretsmanager:{context.Options.Region}:{context.Options.AccountId}:secret:prod/audit/splunk-token-Qw34Er";
        var unlogged = EcsSeeds.Container("shipper", EcsSeeds.Image(context, ServiceName, "1.3.0"), memory: 512, containerPort: 0) with
        {
            Secrets = [new EcsSecret("SPLUNK_TOKEN", secretArn)],
            LogConfiguration = null,
        };

        // Registered without creating its log group: the definition names a group that does not exist.
        var registered = EcsSeeds.TaskDefinition(context, ServiceName, 4, cpu: "256", memory: "512", unlogged);
        var definition = registered with
        {
            ContainerDefinitions = [unlogged with { LogConfiguration = new EcsLogConfiguration("awslogs", new Dictionary<string, string>
            {
                ["awslogs-group"] = LogGroup,
                ["awslogs-region"] = context.Options.Region,
                ["awslogs-stream-prefix"] = "ecs",
            }) }],
        };
        context.World.Ecs.Add(definition);

        var cluster = ProdLandscape.Cluster(context);
        var life = TaskLife.Stopped(context, ServiceName, "TaskFailedToStart", EcsTaskLaunchRules.FargateLoggerArgsFailure, stoppedMinutesAgo: 6) with
        {
            CreatedAt = context.Ago(7),
            StartedAt = null,
        };
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, life, c => c with { LastStatus = "STOPPED", ExitCode = null });
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 1, s => s with
        {
            RunningCount = 0,
            Deployments =
            [
                s.Deployments[0] with
                {
                    RunningCount = 0, FailedTasks = 1, RolloutState = "IN_PROGRESS", RolloutStateReason = null, CreatedAt = context.Ago(8),
                },
            ],
        });

        return new SandboxScenario(Name, null, task.TaskArn,
            "Look-alike: an audit-shipper task that injects a secret stopped with ResourceInitializationError, "
            + "but because its log group /ecs/audit-shipper does not exist.");
    }
}
