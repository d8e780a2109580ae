using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>Someone ran `aws ecs stop-task`: UserInitiated, the container shut down cleanly on SIGTERM.</summary>
internal sealed class CrashLoopLookalikeUserStop : ICatalogueEntry
{
    public const string Name = "lookalike-user-stop";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = context.World.Ecs.TaskDefinitions.FirstOrDefault(d => d.Family == "orders-api")
            ?? EcsSeeds.TaskDefinition(context, "orders-api", 88, cpu: "1024", memory: "2048", EcsSeeds.Container("api", EcsSeeds.Image(context, "orders-api", "12.4.0"), memory: 2048));
        var life = TaskLife.Stopped(context, "orders-api", "UserInitiated", "Task stopped by user", stoppedMinutesAgo: 15);
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { ExitCode = 0 });

        return new SandboxScenario(Name, null, task.TaskArn,
            "Look-alike: an orders-api task stopped by a person (UserInitiated, \"Task stopped by user\"), exit 0.");
    }
}
