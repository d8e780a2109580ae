using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 6: the app is fine (its logs show it serving on 8080), but the tasks' security group only lets the load
/// balancer in on port 80, so health checks to 8080 time out (Target.Timeout) and ECS keeps replacing tasks.
/// </summary>
internal sealed class TargetsUnhealthy : ICatalogueEntry
{
    public const string Name = "p06-targets-unhealthy";
    private const string ServiceName = "catalog-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var lb = ProdLandscape.PublicLoadBalancer(context);
        var taskGroup = NetworkSeeds.SecurityGroup(context, "catalog-api-tasks", ProdLandscape.VpcId, NetworkSeeds.Tcp(80, fromGroupId: ProdLandscape.AlbSecurityGroup));
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 57, cpu: "512", memory: "1024",
            EcsSeeds.Container("api", EcsSeeds.Image(context, ServiceName, "5.4.2"), memory: 1024));
        var cluster = ProdLandscape.Cluster(context);
        var tasks = new[] { "/1", "/2" }.Select(n => EcsSeeds.FargateTask(context, cluster, Name + n, definition, TaskLife.Running(context, ServiceName, minutesAgo: 3))).ToList();

        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "catalog-api-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "catalog-api-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            HealthCheckPath = "/healthz",
            LoadBalancerArns = [lb.LoadBalancerArn],
            Targets = [.. tasks.Select(t => new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "unhealthy", "Target.Timeout", "Request timed out", context.Zone('a')))],
        });

        var network = new EcsNetworkConfiguration(new([ProdLandscape.PrivateSubnetA, ProdLandscape.PrivateSubnetB], [taskGroup.GroupId]));
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 2, s => s with
        {
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "api", 8080)],
            NetworkConfiguration = network,
            HealthCheckGracePeriodSeconds = 30,
            Events =
            [
                EcsServiceSeeds.Event(context, ServiceName, 3, $"(service {ServiceName}) has started 2 tasks: (task {EcsSeeds.TaskId(tasks[0])}) (task {EcsSeeds.TaskId(tasks[1])})."),
                EcsServiceSeeds.Event(context, ServiceName, 4, $"(service {ServiceName}) has stopped 2 running tasks: (task {SeedContext.TaskId(Name + "/old1")}) (task {SeedContext.TaskId(Name + "/old2")})."),
                EcsServiceSeeds.Event(context, ServiceName, 5, $"(service {ServiceName}) (task {SeedContext.TaskId(Name + "/old1")}) failed ELB health checks in (target-group {targetGroupArn})"),
                EcsServiceSeeds.Event(context, ServiceName, 5, $"(service {ServiceName}) (task {SeedContext.TaskId(Name + "/old2")}) failed ELB health checks in (target-group {targetGroupArn})"),
            ],
        });

        foreach (var task in tasks)
        {
            EvidenceSeeds.Logs(context, "/ecs/api", EvidenceSeeds.StreamFor("api", task.TaskArn), 3,
                "INFO catalog-api 5.4.2 listening on 0.0.0.0:8080",
                "INFO GET /healthz 200 1ms (source=127.0.0.1)",
                "INFO GET /api/products?page=1 200 14ms");
        }

        // The old tasks were healthy until they were replaced 4 minutes ago; the new ones have failed every check since.
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 6), 2, 0), (context.Ago(4), 0, 2));

        return new SandboxScenario(Name, 6, $"service {ServiceName} in {cluster.ClusterName}",
            "Targets of catalog-api-tg are unhealthy (Target.Timeout) while the app serves on 8080: the tasks' security group only admits the ALB on port 80.");
    }
}
