using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>Failure mode 11: Fargate Spot reclaimed the capacity; the service runs only on FARGATE_SPOT with no on-demand base.</summary>
internal sealed class SpotInterruption : ICatalogueEntry
{
    public const string Name = "p11-spot-interruption";
    private const string ServiceName = "image-resizer";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 12, cpu: "1024", memory: "2048",
            EcsSeeds.Container("resizer", EcsSeeds.Image(context, ServiceName, "1.6.3"), memory: 2048));
        var cluster = ProdLandscape.Cluster(context);
        IReadOnlyList<EcsCapacityProviderItem> spotOnly = [new EcsCapacityProviderItem("FARGATE_SPOT", 1)];
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 3, s => s with
        {
            LaunchType = null,
            CapacityProviderStrategy = spotOnly,
            RunningCount = 2,
            PendingCount = 1,
            Deployments = [s.Deployments[0] with { LaunchType = null, CapacityProviderStrategy = spotOnly, RunningCount = 2, PendingCount = 1 }],
            Events = [EcsServiceSeeds.Event(context, ServiceName, 5, $"(service {ServiceName}) has started 1 tasks: (task {SeedContext.TaskId(Name + "/replacement")}).")],
        });

        var life = TaskLife.Stopped(context, ServiceName, "SpotInterruption", "Your Spot Task was interrupted.", stoppedMinutesAgo: 6) with { CapacityProvider = "FARGATE_SPOT" };
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, life, c => c with { ExitCode = 143 });

        return new SandboxScenario(Name, 11, task.TaskArn,
            "Task of service image-resizer stopped with SpotInterruption; the service runs only on FARGATE_SPOT with no on-demand base.");
    }
}
