using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Healthy;

/// <summary>A healthy web service behind the public ALB: three running tasks, all targets healthy, ECS Exec working.</summary>
internal sealed class HealthyOrdersApi : ICatalogueEntry
{
    public const string Name = "healthy-orders-api";
    private const string ServiceName = "orders-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 88, cpu: "1024", memory: "2048",
            EcsSeeds.Container("api", EcsSeeds.Image(context, ServiceName, "12.4.0"), memory: 2048) with { StopTimeout = 30 });
        var cluster = ProdLandscape.Cluster(context);
        var tasks = Enumerable.Range(1, 3).Select(i => EcsSeeds.FargateTask(context, cluster, $"{Name}/{i}", definition,
            TaskLife.Running(context, ServiceName, minutesAgo: 60 * 20) with { EnableExecuteCommand = true },
            subnetId: i % 2 == 0 ? ProdLandscape.PrivateSubnetB : ProdLandscape.PrivateSubnetA)).ToList();

        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "orders-api-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "orders-api-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            LoadBalancerArns = [ProdLandscape.PublicLoadBalancer(context).LoadBalancerArn],
            Targets = [.. tasks.Select(t => new ElbTargetHealth(EcsSeeds.PrivateIp(t), 8080, "healthy", AvailabilityZone: context.Zone('a')))],
        });
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 3, s => s with
        {
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "api", 8080)],
            EnableExecuteCommand = true,
            DeploymentConfiguration = new EcsDeploymentConfiguration { DeploymentCircuitBreaker = new EcsCircuitBreaker(true, true) },
        });
        // Three healthy targets for as long as the tasks have run, answering in tens of milliseconds, no 5XX from the load balancer.
        var lb = ProdLandscape.PublicLoadBalancer(context);
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 20), 3, 0));
        MetricSeeds.TargetResponseTime(context, lb.LoadBalancerArn, targetGroupArn, context.Ago(60 * 20), fastSeconds: 0.03, slowSeconds: 0,
            slowPerMinute: 0, idleTimeoutSeconds: lb.IdleTimeoutSeconds);
        foreach (var task in tasks)
        {
            EvidenceSeeds.Logs(context, "/ecs/api", EvidenceSeeds.StreamFor("api", task.TaskArn), 10,
                "INFO orders-api 12.4.0 listening on 0.0.0.0:8080", "INFO GET /orders/1187 200 22ms", "INFO POST /orders 201 61ms");
        }

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName}",
            "Healthy: orders-api runs 3 of 3 tasks behind prod-public, all targets healthy, circuit breaker on.");
    }
}
