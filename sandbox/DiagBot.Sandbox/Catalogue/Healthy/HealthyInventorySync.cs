using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Healthy;

/// <summary>
/// A healthy queue worker without a load balancer, on Fargate with an on-demand base under its Spot capacity. Its tasks
/// carry old-format ARNs (task/&lt;uuid&gt;, no cluster), as tasks launched without the taskLongArnFormat setting still do.
/// </summary>
internal sealed class HealthyInventorySync : ICatalogueEntry
{
    public const string Name = "healthy-inventory-sync";
    private const string ServiceName = "inventory-sync";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 40, cpu: "512", memory: "1024",
            EcsSeeds.Container("sync", EcsSeeds.Image(context, ServiceName, "8.1.1"), memory: 1024, containerPort: 0));
        var cluster = ProdLandscape.Cluster(context);
        IReadOnlyList<Aws.Ecs.EcsCapacityProviderItem> strategy = [new("FARGATE", 1, Base: 1), new("FARGATE_SPOT", 3)];
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 2, s => s with
        {
            LaunchType = null,
            CapacityProviderStrategy = strategy,
            Deployments = [s.Deployments[0] with { LaunchType = null, CapacityProviderStrategy = strategy }],
        });
        EcsSeeds.FargateTask(context, cluster, Name + "/1", definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 9) with { CapacityProvider = "FARGATE" }, oldArn: true);
        EcsSeeds.FargateTask(context, cluster, Name + "/2", definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 9) with { CapacityProvider = "FARGATE_SPOT" }, oldArn: true);

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Healthy: inventory-sync worker runs 2 of 2 tasks, one on-demand base under FARGATE_SPOT.");
    }
}
