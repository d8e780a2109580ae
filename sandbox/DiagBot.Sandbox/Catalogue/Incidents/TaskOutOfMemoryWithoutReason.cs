using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 7 without ECS's word for it: the container exited 137 and ECS gave no OutOfMemoryError reason (the
/// agent does not always see the cgroup's OOM event), but Container Insights shows its memory pressed against the
/// 1024 MiB limit for its last minutes. Its look-alike is lookalike-137-stop-timeout, whose memory stayed far below.
/// </summary>
internal sealed class TaskOutOfMemoryWithoutReason : ICatalogueEntry
{
    public const string Name = "p07-task-oom-no-reason";
    private const string ServiceName = "pdf-export";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 8, cpu: "512", memory: "1024",
            EcsSeeds.Container("exporter", EcsSeeds.Image(context, ServiceName, "3.1.0"), memory: 1024));
        var life = TaskLife.Stopped(context, ServiceName, "EssentialContainerExited", "Essential container in task exited", stoppedMinutesAgo: 9);
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), ServiceName, definition, desiredCount: 2,
            s => s with { RunningCount = 1, PendingCount = 1 });
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { ExitCode = 137, Reason = null });

        // Container Insights is on in prod: a steady climb that reaches the limit two thirds into the task's life and stays there.
        MetricSeeds.TaskMemory(context, task, ServiceName, 1024, share => Math.Min(1024, 380 + (1000 * share)));

        return new SandboxScenario(Name, 7, task.TaskArn,
            "Task of service pdf-export stopped: container exporter exited 137 with no reason, its memory at the 1024 MiB limit for its last minutes.");
    }
}
