using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a task stuck in PROVISIONING, but pricing-api is scaling out and its new task entered PROVISIONING seconds ago
/// in prod-private-a, which has thousands of free addresses and a NAT route: Fargate attaches the ENI and moves the task on
/// to PENDING within seconds (task lifecycle: PROVISIONING, PENDING, ACTIVATING, RUNNING; Amazon ECS Developer Guide,
/// "Amazon ECS task lifecycle"). The service event is ECS's "has started 1 tasks" (aws/amazon-ecs-cli#902).
/// </summary>
internal sealed class TaskStuckProvisioningLookalikeJustStarted : ICatalogueEntry
{
    public const string Name = "lookalike-task-provisioning-seconds";
    private const string ServiceName = "pricing-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 9, cpu: "512", memory: "1024",
            EcsSeeds.Container("pricing", EcsSeeds.Image(context, ServiceName, "4.2.0"), memory: 1024));
        var cluster = ProdLandscape.Cluster(context);
        foreach (var n in new[] { "/1", "/2" })
        {
            EcsSeeds.FargateTask(context, cluster, Name + n, definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 30));
        }

        var starting = TaskLife.Running(context, ServiceName, minutesAgo: 0) with { StartedAt = null, LastStatus = "PROVISIONING" };
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, starting, c => c with { LastStatus = "PENDING" });
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 3, s => s with
        {
            RunningCount = 2,
            PendingCount = 1,
            Deployments = [s.Deployments[0] with { RunningCount = 2, PendingCount = 1 }],
            Events =
            [
                EcsServiceSeeds.Event(context, ServiceName, 0, $"(service {ServiceName}) has started 1 tasks: (task {EcsSeeds.TaskId(task)})."),
                EcsServiceSeeds.Event(context, ServiceName, 60 * 6, $"(service {ServiceName}) has reached a steady state."),
            ],
        });

        return new SandboxScenario(Name, null, task.TaskArn,
            "Look-alike: a pricing-api task in PROVISIONING for seconds while the service scales out; "
            + "its subnet has thousands of free addresses and a NAT route.");
    }
}
