using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>Application Auto Scaling lowered inventory-sync's desired count at night; the scheduler stopped a task that exited 0.</summary>
internal sealed class CrashLoopLookalikeScaleIn : ICatalogueEntry
{
    public const string Name = "lookalike-scale-in";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = context.World.Ecs.TaskDefinitions.First(d => d.Family == "inventory-sync");
        var life = TaskLife.Stopped(context, "inventory-sync", "ServiceSchedulerInitiated", string.Empty, stoppedMinutesAgo: 50);
        life = life with { StoppedReason = $"Scaling activity initiated by (deployment {life.StartedBy})" };
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { ExitCode = 0 });

        return new SandboxScenario(Name, null, task.TaskArn,
            "Look-alike: an inventory-sync task stopped by a scale-in (ServiceSchedulerInitiated, exit 0); the service is healthy.");
    }
}
