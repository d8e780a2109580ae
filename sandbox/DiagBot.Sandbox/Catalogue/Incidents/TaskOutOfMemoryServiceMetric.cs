using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 7 on a cluster without Container Insights: the container exited 137 with no reason and there is no
/// per-task memory, but AWS/ECS MemoryUtilization (which every Fargate service publishes, Maximum = its busiest task)
/// reached 100 % in the minutes before the stop.
/// </summary>
internal sealed class TaskOutOfMemoryServiceMetric : ICatalogueEntry
{
    public const string Name = "p07-task-oom-service-metric";
    public const string ClusterName = "staging";
    private const string ServiceName = "thumbnailer";

    public SandboxScenario Seed(SeedContext context)
    {
        var cluster = EcsSeeds.Cluster(context, ClusterName);
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 5, cpu: "256", memory: "512",
            EcsSeeds.Container("thumbnailer", EcsSeeds.Image(context, ServiceName, "1.9.2"), memory: 512));
        var life = TaskLife.Stopped(context, ServiceName, "EssentialContainerExited", "Essential container in task exited", stoppedMinutesAgo: 14);
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 1, s => s with { RunningCount = 0, PendingCount = 1 });
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, life, c => c with { ExitCode = 137, Reason = null });
        MetricSeeds.ServiceMemory(context, ClusterName, ServiceName, task.StartedAt!.Value, task.StoppedAt!.Value, share => Math.Min(100, 35 + (90 * share)));

        return new SandboxScenario(Name, 7, task.TaskArn,
            "Task of service thumbnailer (cluster staging, no Container Insights) stopped: exit 137 with no reason; "
            + "the service's MemoryUtilization reached 100 % before it.");
    }
}
