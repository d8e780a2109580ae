using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 8: every new task exits 1 within seconds because a required setting is missing; the deployment stays
/// IN_PROGRESS with failed tasks piling up, and the circuit breaker is off, so ECS retries for ever.
/// </summary>
internal sealed class CrashLoop : ICatalogueEntry
{
    public const string Name = "p08-crash-loop";
    private const string ServiceName = "notification-worker";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 31, cpu: "256", memory: "512",
            EcsSeeds.Container("notifier", EcsSeeds.Image(context, ServiceName, "4.2.0"), memory: 512, containerPort: 0));
        var cluster = ProdLandscape.Cluster(context);

        var events = new List<Aws.Ecs.EcsServiceEvent>();
        for (var i = 1; i <= 3; i++)
        {
            var minutesAgo = 4 + ((i - 1) * 6);
            var life = TaskLife.Stopped(context, ServiceName, "EssentialContainerExited", "Essential container in task exited", minutesAgo) with
            {
                CreatedAt = context.Ago(minutesAgo + 1),
                StartedAt = context.Ago(minutesAgo).AddSeconds(-40),
            };
            var task = EcsSeeds.FargateTask(context, cluster, $"{Name}/{i}", definition, life, c => c with { ExitCode = 1 });
            EvidenceSeeds.Logs(context, "/ecs/notifier", EvidenceSeeds.StreamFor("notifier", task.TaskArn), minutesAgo + 1,
                "notification-worker 4.2.0 starting (pid 1)",
                "loading configuration from environment",
                "FATAL config: required environment variable SMTP_HOST is not set",
                "panic: config: SMTP_HOST missing",
                "goroutine 1 [running]:",
                "main.main()\n\t/src/cmd/worker/main.go:41 +0x1d4");
            events.Add(EcsServiceSeeds.Event(context, ServiceName, minutesAgo + 1, $"(service {ServiceName}) has started 1 tasks: (task {EcsSeeds.TaskId(task)})."));
        }

        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 2, s => s with
        {
            RunningCount = 0,
            Deployments = [s.Deployments[0] with { RunningCount = 0, FailedTasks = 9, RolloutState = "IN_PROGRESS", RolloutStateReason = "ECS deployment " + s.Deployments[0].Id + " in progress.", CreatedAt = context.Ago(55), UpdatedAt = context.Ago(4) }],
            Events = [.. events],
        });

        return new SandboxScenario(Name, 8, $"service {ServiceName} in {cluster.ClusterName}",
            "Service notification-worker crash-loops: tasks exit 1 seconds after start with \"SMTP_HOST is not set\"; 9 failed tasks, circuit breaker off.");
    }
}
