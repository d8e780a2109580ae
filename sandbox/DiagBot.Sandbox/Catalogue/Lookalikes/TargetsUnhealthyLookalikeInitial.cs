using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like targets failing their health checks: half of profile-api-tg is not healthy right after a deploy. But the
/// new revision's two targets were registered a minute ago and are in state initial, Elb.InitialHealthChecking ("Initial
/// health checks in progress", ELB API Reference, TargetHealth; ELB User Guide, "Health checks for your target groups"),
/// inside the service's 120 s health check grace period; the old targets serve, healthy, until they pass.
/// </summary>
internal sealed class TargetsUnhealthyLookalikeInitial : ICatalogueEntry
{
    public const string Name = "lookalike-targets-initial";
    private const string ServiceName = "profile-api";

    public SandboxScenario Seed(SeedContext context)
    {
        EcsTaskDefinition Revision(int revision, string tag) => EcsSeeds.TaskDefinition(context, ServiceName, revision, cpu: "512", memory: "1024",
            EcsSeeds.Container("profile", EcsSeeds.Image(context, ServiceName, tag), memory: 1024));
        var (old, next) = (Revision(12, "3.8.2"), Revision(13, "3.9.0"));
        var cluster = ProdLandscape.Cluster(context);
        var nextId = "ecs-svc/" + (Convert.ToInt64(SeedContext.Hex($"deployment/{ServiceName}/new", 15), 16) % 9_000_000_000_000_000_000L);
        var serving = new[] { "/old1", "/old2" }
            .Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, old, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 9))).ToList();
        var fresh = new[] { "/new1", "/new2" }.Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, next,
            TaskLife.Running(context, ServiceName, minutesAgo: 2) with { StartedBy = nextId })).ToList();

        var lb = ProdLandscape.PublicLoadBalancer(context);
        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "profile-api-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "profile-api-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            LoadBalancerArns = [lb.LoadBalancerArn],
            Targets =
            [
                .. serving.Select(t => new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "healthy", AvailabilityZone: context.Zone('a'))),
                .. fresh.Select(t => new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "initial", "Elb.InitialHealthChecking",
                    "Initial health checks in progress", context.Zone('a'))),
            ],
        });

        var service = EcsServiceSeeds.Service(context, cluster, ServiceName, next, desiredCount: 2, s => s with
        {
            RunningCount = 4,
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "profile", 8080)],
            HealthCheckGracePeriodSeconds = 120,
            Deployments =
            [
                s.Deployments[0] with
                {
                    Id = nextId, CreatedAt = context.Ago(2), UpdatedAt = context.Ago(1), RolloutState = "IN_PROGRESS",
                    RolloutStateReason = $"ECS deployment {nextId} in progress.",
                },
                s.Deployments[0] with { Status = "ACTIVE", TaskDefinition = old.TaskDefinitionArn },
            ],
            Events =
            [
                EcsServiceSeeds.Event(context, ServiceName, 1, $"(service {ServiceName}) registered 2 targets in (target-group {targetGroupArn})"),
                EcsServiceSeeds.Event(context, ServiceName, 2,
                    $"(service {ServiceName}) has started 2 tasks: (task {EcsSeeds.TaskId(fresh[0])}) (task {EcsSeeds.TaskId(fresh[1])})."),
                EcsServiceSeeds.Event(context, ServiceName, 60 * 6, $"(service {ServiceName}) has reached a steady state."),
            ],
        });
        EcsServiceRules.CheckCreateService(context.World, service);
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 9), 2, 0));

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Look-alike: two of profile-api-tg's four targets not healthy a minute after a deploy: "
            + "they are in initial health checks, inside the grace period.");
    }
}
