using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 13 on EKS: payments/invoice-render sits behind an internal ALB the AWS Load Balancer Controller made for
/// its Ingress, whose load-balancer-attributes annotation names no idle_timeout, so the load balancer keeps the default
/// 60 s (ELBv2 API reference, LoadBalancerAttribute idle_timeout.timeout_seconds). Year-end statement PDFs take 71-93 s,
/// so clients get 504 while the pod finishes the work and logs it: pino-http's "request completed" lines with responseTime
/// in milliseconds (pino-http README). The load balancer counts the 504s as its own (HTTPCode_ELB_504_Count).
/// </summary>
internal sealed class Alb504TimeoutOnEks : ICatalogueEntry
{
    public const string Name = "p13-eks-alb-504";
    public const string PodName = "invoice-render-5f8c7d9b6-h2k9v";
    public const string LoadBalancerName = "k8s-payments-invoicer-4b1e9c07d2";
    public const string TargetGroupName = "k8s-payments-invoicer-9e3a6f2c18";
    private const string Namespace = "payments";
    private const string App = "invoice-render";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "2.14.0");
        var pod = new PodSpec(Namespace, PodName, App, image) { NodeName = EksLandscape.NodeC, PodIp = "10.0.13.58", CreatedMinutesAgo = 60 * 20 }
            .Seed(context);
        new PodSpec(Namespace, "invoice-render-5f8c7d9b6-w7n3c", App, image)
        {
            NodeName = EksLandscape.NodeB, PodIp = "10.0.39.26", CreatedMinutesAgo = 60 * 20,
        }.Seed(context);

        // pino-http's completion line: {"level":30,"time":<epoch ms>,"req":{...},"res":{"statusCode":..},"responseTime":<ms>,"msg":"request completed"}.
        var at = context.Ago(50).ToUnixTimeMilliseconds();
        KubeSeeds.Logs(context, pod, App, false,
            Line(at, 118, "GET", "/invoices/INV-20931.pdf", 200, 412),
            Line(at + 61_000, 119, "GET", "/statements/2025/annual?account=ACME-0042", 200, 87_412),
            Line(at + 64_000, 120, "GET", "/healthz", 200, 1),
            Line(at + 190_000, 121, "GET", "/statements/2025/annual?account=NWND-0007", 200, 71_305),
            Line(at + 320_000, 122, "GET", "/statements/2025/annual?account=GLBX-0190", 200, 92_877),
            Line(at + 330_000, 123, "GET", "/invoices/INV-21007.pdf", 200, 388));

        var subnets = context.World.Ec2.Subnets.Where(s => s.SubnetId == ProdLandscape.PrivateSubnetA || s.SubnetId == ProdLandscape.PrivateSubnetB);
        var lb = NetworkSeeds.LoadBalancer(context, LoadBalancerName, ProdLandscape.VpcId, subnets, ProdLandscape.AlbSecurityGroup,
            idleTimeoutSeconds: 60, scheme: "internal");
        var arn = NetworkSeeds.TargetGroupArn(context, TargetGroupName);
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = arn,
            TargetGroupName = TargetGroupName,
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            HealthCheckPath = "/healthz",
            LoadBalancerArns = [lb.LoadBalancerArn],
            Targets =
            [
                new ElbTargetHealth("10.0.13.58", 8080, "healthy", AvailabilityZone: context.Zone('a')),
                new ElbTargetHealth("10.0.39.26", 8080, "healthy", AvailabilityZone: context.Zone('b')),
            ],
            Tags = LoadBalancerControllerSeeds.IngressTags(Namespace, App, App, 80),
        });
        LoadBalancerControllerSeeds.Service(context, Namespace, App, App, 80, "8080");
        LoadBalancerControllerSeeds.TargetGroupBinding(context, Namespace, TargetGroupName, App, 80, arn, ProdLandscape.AlbSecurityGroup, 8080);
        DeploymentSeeds.Deployment(context, Namespace, App, image, replicas: 2, available: 2, updated: 2, progressing: true, "invoice-render-5f8c7d9b6",
            createdMinutesAgo: 60 * 24 * 40);

        // Statements take 71-93 s; the load balancer cuts them at 60 s, so p99 sits at the timeout, with its own 504s.
        MetricSeeds.TargetHealth(context, lb.LoadBalancerArn, arn, (context.Ago(60 * 20), 2, 0));
        MetricSeeds.TargetResponseTime(context, lb.LoadBalancerArn, arn, context.Ago(60 * 20), fastSeconds: 0.4, slowSeconds: 87,
            slowPerMinute: 1, idleTimeoutSeconds: lb.IdleTimeoutSeconds);
        MetricSeeds.ElbErrorCount(context, lb.LoadBalancerArn, "HTTPCode_ELB_504_Count", context.Ago(60 * 20), 1, 2);

        return new SandboxScenario(Name, 13, $"pod {Namespace}/{PodName} clients get 504 Gateway Timeout on annual statements",
            $"ALB {LoadBalancerName} returns 504 for invoice-render: idle timeout 60 s (the Ingress sets none), while annual statements "
            + "take 71-93 s in the pod's logs; targets healthy.");
    }

    private static string Line(long time, int id, string method, string url, int status, int responseTimeMs) =>
        $"{{\"level\":30,\"time\":{time},\"pid\":1,\"hostname\":\"{PodName}\",\"req\":{{\"id\":{id},\"method\":\"{method}\",\"url\":\"{url}\"}},"
        + $"\"res\":{{\"statusCode\":{status}}},\"responseTime\":{responseTimeMs},\"msg\":\"request completed\"}}";
}
