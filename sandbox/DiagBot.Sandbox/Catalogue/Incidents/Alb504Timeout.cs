using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 13: the internal ALB's idle timeout is 60 s while the bulk-quote endpoint takes 70-90 s, so clients get
/// 504 although targets are healthy and the app finishes the work.
/// </summary>
internal sealed class Alb504Timeout : ICatalogueEntry
{
    public const string Name = "p13-alb-504";
    private const string ServiceName = "quote-engine";

    public SandboxScenario Seed(SeedContext context)
    {
        var subnets = context.World.Ec2.Subnets.Where(s => s.SubnetId == ProdLandscape.PrivateSubnetA || s.SubnetId == ProdLandscape.PrivateSubnetB);
        var lb = NetworkSeeds.LoadBalancer(context, "prod-internal", ProdLandscape.VpcId, subnets, ProdLandscape.AlbSecurityGroup, idleTimeoutSeconds: 60, scheme: "internal");

        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 16, cpu: "1024", memory: "2048",
            EcsSeeds.Container("quotes", EcsSeeds.Image(context, ServiceName, "3.3.0"), memory: 2048));
        var cluster = ProdLandscape.Cluster(context);
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 8));

        var targetGroupArn = NetworkSeeds.TargetGroupArn(context, "quote-engine-tg");
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = targetGroupArn,
            TargetGroupName = "quote-engine-tg",
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            LoadBalancerArns = [lb.LoadBalancerArn],
            Targets = [new ElbTargetHealth(EcsSeeds.PrivateIp(task), 8080, "healthy", AvailabilityZone: context.Zone('a'))],
        });
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 1, s => s with { LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "quotes", 8080)] });

        EvidenceSeeds.Logs(context, "/ecs/quotes", EvidenceSeeds.StreamFor("quotes", task.TaskArn), 30,
            "INFO GET /quotes/42 200 completed in 38 ms",
            "INFO POST /quotes/bulk 200 completed in 87412 ms (items=5000)",
            "INFO GET /health 200 completed in 1 ms",
            "INFO POST /quotes/bulk 200 completed in 74120 ms (items=4200)",
            "WARN client closed connection before response was written: POST /quotes/bulk",
            "INFO POST /quotes/bulk 200 completed in 91877 ms (items=5000)");

        // Bulk quotes take 74-92 s; the load balancer cuts them at its 60 s idle timeout, so p99 sits at 60 s with 504s.
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, targetGroupArn, (context.Ago(60 * 8), 1, 0));
        MetricSeeds.TargetResponseTime(context, lb.LoadBalancerArn, targetGroupArn, context.Ago(60 * 8), fastSeconds: 0.04, slowSeconds: 74,
            slowPerMinute: 2, idleTimeoutSeconds: lb.IdleTimeoutSeconds);
        MetricSeeds.ElbErrorCount(context, lb.LoadBalancerArn, "HTTPCode_ELB_504_Count", context.Ago(60 * 8), 1, 3);

        return new SandboxScenario(Name, 13, $"service {ServiceName} in {cluster.ClusterName}",
            "ALB prod-internal returns 504 for quote-engine: idle timeout 60 s, while POST /quotes/bulk takes 74-92 s in the app logs; targets healthy.");
    }
}
