using System.Text.Json.Nodes;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 6 on EKS: checkout-web's Ingress names no healthcheck-path, so the AWS Load Balancer Controller gave its
/// target group the default "/" (aws-load-balancer-controller pkg/ingress model_builder: defaultHealthCheckPathHTTP "/").
/// The app answers only /healthz (its readinessProbe passes, so both pods are Ready and registered); "/" is 404, and
/// DescribeTargetHealth reports Target.ResponseCodeMismatch "Health checks failed with these codes: [404]" (the reason codes
/// of the ELBv2 API reference, TargetHealth).
/// </summary>
internal sealed class TargetsUnhealthyOnEks : ICatalogueEntry
{
    public const string Name = "p06-eks-targets-unhealthy";
    public const string PodName = "checkout-web-7b6c5d4f8-m4x2k";
    public const string TargetGroupName = "k8s-checkout-checkout-6f2a9d41c7";
    private const string App = "checkout-web";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "6.1.3");
        var pods = new[] { (PodName, EksLandscape.NodeA, "10.0.7.44"), ("checkout-web-7b6c5d4f8-p9t6n", EksLandscape.NodeC, "10.0.14.19") }
            .Select(p => new PodSpec("checkout", p.Item1, App, image) { NodeName = p.Item2, PodIp = p.Item3, CreatedMinutesAgo = 25 }.Seed(context))
            .ToList();
        foreach (var pod in pods)
        {
            pod["spec"]!["containers"]![0]!["readinessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = 8080, ["scheme"] = "HTTP" },
                ["periodSeconds"] = 10,
            };
        }

        // The ALB's checks carry the user agent ELB-HealthChecker/2.0, the kubelet's kube-probe/<version>.
        KubeSeeds.Logs(context, pods[0], App, false,
            "10.0.130.12 - - \"GET / HTTP/1.1\" 404 19 \"-\" \"ELB-HealthChecker/2.0\"",
            "10.0.4.21 - - \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.31\"");

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "checkout", App, TargetGroupName, "/",
            [.. pods.Select(p => new ElbTargetHealth(p["status"]!["podIP"]!.GetValue<string>(), 8080, "unhealthy", "Target.ResponseCodeMismatch",
                "Health checks failed with these codes: [404]", context.Zone('a')))]);
        DeploymentSeeds.Deployment(context, "checkout", App, image, replicas: 2, available: 2, updated: 2, progressing: true, "checkout-web-7b6c5d4f8",
            createdMinutesAgo: 60 * 24 * 90);

        return new SandboxScenario(Name, 6, $"pod checkout/{PodName} fails the ALB health checks, its target is unhealthy",
            $"Targets of {TargetGroupName} are unhealthy (Target.ResponseCodeMismatch [404]): the controller's default health check path / "
            + "is not served; the app answers /healthz.");
    }
}
