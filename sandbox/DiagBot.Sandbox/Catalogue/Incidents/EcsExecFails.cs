using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 15: execute-command was switched on for the service after this task started, so the task itself has
/// enableExecuteCommand false and no ExecuteCommandAgent; `aws ecs execute-command` fails until the task is replaced.
/// </summary>
internal sealed class EcsExecFails : ICatalogueEntry
{
    public const string Name = "p15-ecs-exec-fails";
    private const string ServiceName = "admin-console";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 9, cpu: "256", memory: "512",
            EcsSeeds.Container("console", EcsSeeds.Image(context, ServiceName, "6.0.2"), memory: 512));
        var cluster = ProdLandscape.Cluster(context);
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 1, s => s with
        {
            EnableExecuteCommand = true,
            Events = [EcsServiceSeeds.Event(context, ServiceName, 45, $"(service {ServiceName}) has reached a steady state.")],
        });

        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 26) with { EnableExecuteCommand = false });

        // A running task shows nothing wrong by itself: the engineer says what failed, as they would in chat.
        return new SandboxScenario(Name, 15, $"ecs exec fails on {task.TaskArn}",
            "ECS Exec into admin-console fails: the service enabled execute-command after this task started; the task has enableExecuteCommand false and no ExecuteCommandAgent.");
    }
}
