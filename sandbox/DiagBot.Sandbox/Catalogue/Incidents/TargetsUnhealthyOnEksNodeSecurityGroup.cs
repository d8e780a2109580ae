using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 6 on EKS, the path blocked: invoice-api's Ingress names its own security group for the ALB
/// (alb.ingress.kubernetes.io/security-groups), so the AWS Load Balancer Controller leaves its TargetGroupBinding without
/// spec.networking and the nodes' groups alone ("Security Groups for Load Balancers": with that annotation you configure
/// the node or pod groups yourself, or set manage-backend-security-group-rules). The nodes' cluster security group admits
/// the ALB on 8080 for the other apps' bindings, not on 3000 where invoice-api listens, so every health check times out:
/// DescribeTargetHealth's Target.Timeout, "Request timed out" (the ELBv2 API reference, TargetHealth). The pods stay Ready:
/// the kubelet probes them from the node, inside the group.
/// </summary>
internal sealed class TargetsUnhealthyOnEksNodeSecurityGroup : ICatalogueEntry
{
    public const string Name = "p06-eks-node-sg-blocks-alb";
    public const string PodName = "invoice-api-5f7c9d8b6-w2k8r";
    public const string TargetGroupName = "k8s-payments-invoicea-4b1e7d2c90";
    public const int AppPort = 3000;
    private const string App = "invoice-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "2.4.1");
        var pods = new[] { (PodName, EksLandscape.NodeA, "10.0.5.87"), ("invoice-api-5f7c9d8b6-c6m3t", EksLandscape.NodeB, "10.0.38.14") }
            .Select(p => new PodSpec("payments", p.Item1, App, image) { NodeName = p.Item2, PodIp = p.Item3, CreatedMinutesAgo = 40 }.Seed(context))
            .ToList();

        // The app's own log: it serves, and no line from ELB-HealthChecker/2.0 ever arrives.
        KubeSeeds.Logs(context, pods[0], App, false,
            "{\"level\":30,\"msg\":\"server listening\",\"port\":3000}",
            "{\"level\":30,\"req\":{\"method\":\"GET\",\"url\":\"/healthz\",\"headers\":{\"user-agent\":\"kube-probe/1.31\"}},"
                + "\"res\":{\"statusCode\":200},\"responseTime\":2}");

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "payments", App, TargetGroupName, "/healthz",
            [.. pods.Select((p, i) => new ElbTargetHealth(p["status"]!["podIP"]!.GetValue<string>(), AppPort, "unhealthy", "Target.Timeout",
                "Request timed out", context.Zone(i == 0 ? 'a' : 'b')))],
            port: AppPort, backendRules: false);
        DeploymentSeeds.Deployment(context, "payments", App, image, replicas: 2, available: 2, updated: 2, progressing: true, "invoice-api-5f7c9d8b6",
            createdMinutesAgo: 40);

        return new SandboxScenario(Name, 6, $"ALB health checks of pod payments/{PodName} time out, its target is unhealthy",
            $"Targets of {TargetGroupName} time out: the nodes' security group {EksLandscape.ClusterSecurityGroup} does not let the ALB's "
            + $"group in on tcp {AppPort}, and the Ingress's own security groups leave the controller managing no rule.");
    }
}
