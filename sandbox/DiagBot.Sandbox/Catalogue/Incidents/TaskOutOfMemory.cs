using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>Failure mode 7: the container hit its 512 MiB hard limit and the kernel OOM killer ended it (exit 137 with an OOM reason).</summary>
internal sealed class TaskOutOfMemory : ICatalogueEntry
{
    public const string Name = "p07-task-oom";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, "invoice-renderer", 14, cpu: "256", memory: "512",
            EcsSeeds.Container("renderer", $"{context.Options.AccountId}.dkr.ecr.{context.Options.Region}.amazonaws.com/invoice-renderer:2.4.1", memory: 512));
        var life = TaskLife.Stopped(context, "invoice-renderer", "EssentialContainerExited", "Essential container in task exited");
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), "invoice-renderer", definition, desiredCount: 2, s => s with { RunningCount = 1, PendingCount = 1 });
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life,
            c => c with { ExitCode = 137, Reason = "OutOfMemoryError: Container killed due to memory usage" });
        // Container Insights is on in prod: the task's memory climbed to its 512 MiB limit before the kill.
        MetricSeeds.TaskMemory(context, task, "invoice-renderer", 512, share => Math.Min(512, 170 + (360 * share)));

        return new SandboxScenario(Name, 7, task.TaskArn,
            "Fargate task of service invoice-renderer stopped: container renderer exited 137 with OutOfMemoryError under a 512 MiB limit.");
    }
}
