using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a target group losing its targets: basket-api-tg shows its targets draining and ECS deregistering them. But
/// it is a rolling deployment: the old revision's two tasks are DEACTIVATING while their targets drain
/// (Target.DeregistrationInProgress, "Target deregistration is in progress", ELB User Guide, "Health checks for your
/// target groups"), and the new revision's two targets are registered and healthy. Events as ECS writes them:
/// "registered 1 targets in (target-group ...)" (aws/amazon-ecs-cli#902), "deregistered 1 targets in (target-group ...)" and
/// "(service ..., taskSet ...) has begun draining connections on 1 tasks." (public describe-services outputs).
/// </summary>
internal sealed class Alb503NoTargetsLookalikeDraining : ICatalogueEntry
{
    public const string Name = "lookalike-targets-draining";
    private const string ServiceName = "basket-api";
    private const string Draining = "Target deregistration is in progress";

    public SandboxScenario Seed(SeedContext context)
    {
        EcsTaskDefinition Revision(int revision, string tag) => EcsSeeds.TaskDefinition(context, ServiceName, revision, cpu: "512", memory: "1024",
            EcsSeeds.Container("basket", EcsSeeds.Image(context, ServiceName, tag), memory: 1024));
        var (old, next) = (Revision(30, "8.4.1"), Revision(31, "8.5.0"));
        var cluster = ProdLandscape.Cluster(context);
        var fresh = new[] { "/new1", "/new2" }.Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, next,
            TaskLife.Running(context, ServiceName, minutesAgo: 5) with { StartedBy = DeploymentId(context, "new") })).ToList();
        var stopping = TaskLife.Running(context, ServiceName, minutesAgo: 60 * 26) with
        {
            LastStatus = "DEACTIVATING",
            DesiredStatus = "STOPPED",
            StopCode = "ServiceSchedulerInitiated",
        };
        var leaving = new[] { "/old1", "/old2" }.Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, old,
            stopping with { StoppedReason = $"Scaling activity initiated by (deployment {DeploymentId(context, "new")})" },
            c => c with { LastStatus = "RUNNING" },
            adjustTask: t => t with { StoppingAt = context.Ago(1), Attachments = [t.Attachments[0] with { Status = "ATTACHED" }] })).ToList();

        var lb = ProdLandscape.PublicLoadBalancer(context);
        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "basket-api-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "basket-api-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            LoadBalancerArns = [lb.LoadBalancerArn],
            Targets =
            [
                .. fresh.Select(t => new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "healthy", AvailabilityZone: context.Zone('a'))),
                .. leaving.Select(t =>
                    new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "draining", "Target.DeregistrationInProgress", Draining, context.Zone('a'))),
            ],
        });

        var service = EcsServiceSeeds.Service(context, cluster, ServiceName, next, desiredCount: 2, s => s with
        {
            RunningCount = 4,
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "basket", 8080)],
            HealthCheckGracePeriodSeconds = 60,
            Deployments =
            [
                s.Deployments[0] with { Id = DeploymentId(context, "new"), CreatedAt = context.Ago(6), UpdatedAt = context.Ago(1), RolloutState = "IN_PROGRESS",
                    RolloutStateReason = $"ECS deployment {DeploymentId(context, "new")} in progress." },
                s.Deployments[0] with { Status = "ACTIVE", TaskDefinition = old.TaskDefinitionArn, DesiredCount = 0, RunningCount = 2 },
            ],
            Events =
            [
                EcsServiceSeeds.Event(context, ServiceName, 1,
                    $"(service {ServiceName}, taskSet {s.Deployments[0].Id}) has begun draining connections on 2 tasks."),
                EcsServiceSeeds.Event(context, ServiceName, 1, $"(service {ServiceName}) deregistered 2 targets in (target-group {targetGroupArn})"),
                EcsServiceSeeds.Event(context, ServiceName, 3, $"(service {ServiceName}) registered 2 targets in (target-group {targetGroupArn})"),
                EcsServiceSeeds.Event(context, ServiceName, 5,
                    $"(service {ServiceName}) has started 2 tasks: (task {EcsSeeds.TaskId(fresh[0])}) (task {EcsSeeds.TaskId(fresh[1])})."),
            ],
        });
        EcsServiceRules.CheckCreateService(context.World, service);
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 6), 2, 0));

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Look-alike: basket-api-tg's old targets draining during a rolling deployment while the two new targets are registered and healthy.");
    }

    private static string DeploymentId(SeedContext context, string which) =>
        "ecs-svc/" + (Convert.ToInt64(SeedContext.Hex($"deployment/{ServiceName}/{which}", 15), 16) % 9_000_000_000_000_000_000L);
}
