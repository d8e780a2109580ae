using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>Exit 137 without an OOM reason: the scheduler stopped the task and the agent sent SIGKILL after stopTimeout. Not memory.</summary>
internal sealed class TaskOutOfMemoryLookalikeStopTimeout : ICatalogueEntry
{
    public const string Name = "lookalike-137-stop-timeout";

    public SandboxScenario Seed(SeedContext context)
    {
        var container = EcsSeeds.Container("web", $"{context.Options.AccountId}.dkr.ecr.{context.Options.Region}.amazonaws.com/checkout-web:5.12.0", memory: 2048) with
        {
            StopTimeout = 30,
        };
        var definition = EcsSeeds.TaskDefinition(context, "checkout-web", 31, cpu: "1024", memory: "2048", container);
        var life = TaskLife.Stopped(context, "checkout-web", "ServiceSchedulerInitiated", string.Empty, stoppedMinutesAgo: 25);
        life = life with { StoppedReason = $"Scaling activity initiated by (deployment {life.StartedBy})" };
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), "checkout-web", definition, desiredCount: 4);
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life,
            c => c with { ExitCode = 137, Reason = null });
        // Memory stayed near a third of the 2048 MiB limit all its life: the 137 was the SIGKILL, not the OOM killer.
        MetricSeeds.TaskMemory(context, task, "checkout-web", 2048, share => 690 + (40 * share));

        return new SandboxScenario(Name, null, task.TaskArn,
            "Task of service checkout-web stopped by a deployment; container web ignored SIGTERM and was SIGKILLed after its 30 s stopTimeout (exit 137, no OOM).");
    }
}
