using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a stuck deployment: order-history's deployment has been IN_PROGRESS for 36 minutes. But it rolls as its
/// configuration says: twelve tasks, maximumPercent 125 lets ECS start three new ones at a time, and each batch waits for
/// its tasks to run before three old ones stop (minimumHealthyPercent 100; Amazon ECS Developer Guide, "Deploy Amazon ECS
/// services by replacing tasks"). Nine new tasks run, three more started a minute ago, none failed. Events as ECS writes
/// them: "has started N tasks: (task ...)." (aws/amazon-ecs-cli#902), "has stopped N running tasks: (task ...)."
/// (hackforla/CivicTechJobs#436).
/// </summary>
internal sealed class DeployStuckLookalikeRolling : ICatalogueEntry
{
    public const string Name = "lookalike-deploy-rolling";
    private const string ServiceName = "order-history";
    private const int Batch = 3;

    // Each batch: started so many minutes ago, and its old counterparts stopped six minutes later (the last not yet).
    private static readonly int[] Started = [36, 26, 16, 1];

    public SandboxScenario Seed(SeedContext context)
    {
        EcsTaskDefinition Revision(int revision, string tag) => EcsSeeds.TaskDefinition(context, ServiceName, revision, cpu: "256", memory: "512",
            EcsSeeds.Container("history", EcsSeeds.Image(context, ServiceName, tag), memory: 512, containerPort: 0));
        var (old, next) = (Revision(40, "5.2.0"), Revision(41, "5.3.0"));
        var cluster = ProdLandscape.Cluster(context);
        var nextId = "ecs-svc/" + (Convert.ToInt64(SeedContext.Hex($"deployment/{ServiceName}/new", 15), 16) % 9_000_000_000_000_000_000L);
        var events = new List<EcsServiceEvent>();
        for (var b = 0; b < Started.Length; b++)
        {
            var minutes = Started[b];
            var running = b < Started.Length - 1;
            var life = running
                ? TaskLife.Running(context, ServiceName, minutesAgo: minutes) with { StartedBy = nextId }
                : TaskLife.Running(context, ServiceName, minutesAgo: minutes) with { StartedBy = nextId, StartedAt = null, LastStatus = "PENDING" };
            var started = Enumerable.Range(0, Batch).Select(i => EcsSeeds.FargateTask(context, cluster, $"{Name}/new{b}{i}", next, life,
                c => running ? c : c with { LastStatus = "PENDING" })).ToList();
            events.Add(EcsServiceSeeds.Event(context, ServiceName, minutes, $"(service {ServiceName}) has started {Batch} tasks: {Tasks(started)}."));
            if (running)
            {
                var stoppedLife = TaskLife.Stopped(context, ServiceName, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {nextId})",
                    stoppedMinutesAgo: minutes - 6) with { CreatedAt = context.Ago(60 * 20), StartedAt = context.Ago(60 * 20 - 1) };
                var stopped = Enumerable.Range(0, Batch).Select(i => EcsSeeds.FargateTask(context, cluster, $"{Name}/old{b}{i}", old, stoppedLife)).ToList();
                events.Add(EcsServiceSeeds.Event(context, ServiceName, minutes - 6,
                    $"(service {ServiceName}) has stopped {Batch} running tasks: {Tasks(stopped)}."));
            }
        }

        for (var i = 0; i < Batch; i++)
        {
            EcsSeeds.FargateTask(context, cluster, $"{Name}/old{i}", old, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 20));
        }

        EcsServiceSeeds.Service(context, cluster, ServiceName, next, desiredCount: 12, s => s with
        {
            RunningCount = 12,
            PendingCount = 3,
            DeploymentConfiguration = new EcsDeploymentConfiguration { MaximumPercent = 125 },
            Deployments =
            [
                s.Deployments[0] with
                {
                    Id = nextId, DesiredCount = 12, RunningCount = 9, PendingCount = 3, CreatedAt = context.Ago(37), UpdatedAt = context.Ago(2),
                    RolloutState = "IN_PROGRESS", RolloutStateReason = $"ECS deployment {nextId} in progress.",
                },
                s.Deployments[0] with { Status = "ACTIVE", TaskDefinition = old.TaskDefinitionArn, DesiredCount = 3, RunningCount = 3 },
            ],
            Events = [.. events.OrderBy(e => context.Now - e.CreatedAt)],
        });

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Look-alike: order-history's deployment IN_PROGRESS for 36 minutes, rolling three tasks at a time: nine new tasks run, three start, none failed.");
    }

    private static string Tasks(IEnumerable<EcsTask> tasks) => string.Join(" ", tasks.Select(t => $"(task {EcsSeeds.TaskId(t)})"));
}
