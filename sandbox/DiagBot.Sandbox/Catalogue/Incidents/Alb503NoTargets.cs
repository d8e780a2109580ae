using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 5: the ALB answers 503 because its target group has no targets at all: the group's TargetType is
/// `instance` while the tasks use awsvpc networking, so ECS cannot register them.
/// </summary>
internal sealed class Alb503NoTargets : ICatalogueEntry
{
    public const string Name = "p05-alb-503";
    private const string ServiceName = "storefront";

    public SandboxScenario Seed(SeedContext context)
    {
        var lb = ProdLandscape.PublicLoadBalancer(context);
        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "storefront-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "storefront-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            TargetType = "instance",
            LoadBalancerArns = [lb.LoadBalancerArn],
        });

        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 23, cpu: "512", memory: "1024",
            EcsSeeds.Container("web", EcsSeeds.Image(context, ServiceName, "11.2.0"), memory: 1024));
        var cluster = ProdLandscape.Cluster(context);
        var failure = $"(service {ServiceName}) failed to register targets in (target-group {targetGroupArn}) with (error The provided target group {targetGroupArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.)";
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 2, s => s with
        {
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "web", 8080)],
            HealthCheckGracePeriodSeconds = 60,
            Events =
            [
                EcsServiceSeeds.Event(context, ServiceName, 4, failure),
                EcsServiceSeeds.Event(context, ServiceName, 34, failure),
                EcsServiceSeeds.Event(context, ServiceName, 40, $"(service {ServiceName}) has started 2 tasks: (task {SeedContext.TaskId(Name + "/1")}) (task {SeedContext.TaskId(Name + "/2")})."),
            ],
        });
        EcsSeeds.FargateTask(context, cluster, Name + "/1", definition, TaskLife.Running(context, ServiceName, minutesAgo: 40));
        EcsSeeds.FargateTask(context, cluster, Name + "/2", definition, TaskLife.Running(context, ServiceName, minutesAgo: 40), subnetId: ProdLandscape.PrivateSubnetB);

        // The group held the service's EC2 instances, healthy, until the awsvpc deployment 40 minutes ago; since then it has
        // none, and the load balancer answers 503 (HTTPCode_ELB_503_Count).
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 6), 2, 0), (context.Ago(40), 0, 0));
        MetricSeeds.ElbErrorCount(context, lb.LoadBalancerArn, "HTTPCode_ELB_503_Count", context.Ago(40), 180, 260);

        return new SandboxScenario(Name, 5, $"service {ServiceName} in {cluster.ClusterName}",
            "ALB prod-public answers 503 for storefront: target group storefront-tg has TargetType instance while the tasks use awsvpc, so it has no targets.");
    }
}
