using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a pull failure: invoice-api's latest stopped task shows CannotPullContainerError (revision 14 named tag 2.7.0,
/// never pushed). But revision 15 with 2.7.1 was deployed ten minutes later and its rollout COMPLETED: both tasks run the
/// fixed image. ECS keeps a stopped task listed for about an hour, so the old failure is still the first one a reader sees.
/// Wordings: CannotPullContainerError as in the p02 incident; "(deployment ...) deployment completed." and "has reached a
/// steady state." as DescribeServices writes them (Amazon ECS Developer Guide, "Amazon ECS service event messages").
/// </summary>
internal sealed class CannotPullContainerLookalikeFixedImage : ICatalogueEntry
{
    public const string Name = "lookalike-pull-fixed-by-redeploy";
    private const string ServiceName = "invoice-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var broken = EcsSeeds.Image(context, ServiceName, "2.7.0");
        var old = EcsSeeds.TaskDefinition(context, ServiceName, 14, cpu: "512", memory: "1024", EcsSeeds.Container("api", broken, memory: 1024));
        var current = EcsSeeds.TaskDefinition(context, ServiceName, 15, cpu: "512", memory: "1024",
            EcsSeeds.Container("api", EcsSeeds.Image(context, ServiceName, "2.7.1"), memory: 1024));
        var cluster = ProdLandscape.Cluster(context);

        var reason = $"CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref {broken}: {broken}: not found";
        var failed = EcsSeeds.FargateTask(context, cluster, Name + "/failed", old,
            TaskLife.Stopped(context, ServiceName, "TaskFailedToStart", reason, stoppedMinutesAgo: 48) with { CreatedAt = context.Ago(50), StartedAt = null },
            c => c with { LastStatus = "STOPPED", ExitCode = null, Reason = reason });
        var running = new[] { "/1", "/2" }
            .Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, current, TaskLife.Running(context, ServiceName, minutesAgo: 40)))
            .ToList();

        EcsServiceSeeds.Service(context, cluster, ServiceName, current, desiredCount: 2, s =>
        {
            var deployment = s.Deployments[0] with { CreatedAt = context.Ago(41), UpdatedAt = context.Ago(36) };
            return s with
            {
                Deployments = [deployment with { RolloutStateReason = $"ECS deployment {deployment.Id} completed." }],
                Events =
                [
                    EcsServiceSeeds.Event(context, ServiceName, 35, $"(service {ServiceName}) has reached a steady state."),
                    EcsServiceSeeds.Event(context, ServiceName, 36, $"(service {ServiceName}) (deployment {deployment.Id}) deployment completed."),
                    EcsServiceSeeds.Event(context, ServiceName, 40,
                        $"(service {ServiceName}) has started 2 tasks: (task {EcsSeeds.TaskId(running[0])}) (task {EcsSeeds.TaskId(running[1])})."),
                    EcsServiceSeeds.Event(context, ServiceName, 50, $"(service {ServiceName}) has started 1 tasks: (task {EcsSeeds.TaskId(failed)})."),
                ],
            };
        });

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Look-alike: invoice-api's last stopped task could not pull tag 2.7.0, but revision 15 (2.7.1) was deployed since and runs both tasks.");
    }
}
