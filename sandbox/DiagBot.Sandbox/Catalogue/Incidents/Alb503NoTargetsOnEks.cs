using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 5 on EKS: a chart upgrade moved receipt-api's pod template from the label app to the recommended
/// app.kubernetes.io/name, while its Service still selects app=receipt-api. The Service has no endpoints, so the AWS Load
/// Balancer Controller deregistered every target of the group its TargetGroupBinding fills, and the ALB answers 503 (the ALB
/// troubleshooting guide's "HTTP 503: Service unavailable": the load balancer's target groups have no registered targets).
/// </summary>
internal sealed class Alb503NoTargetsOnEks : ICatalogueEntry
{
    public const string Name = "p05-eks-alb-503";
    public const string PodName = "receipt-api-8d6f5c7b9-t2w4r";
    public const string TargetGroupName = "k8s-checkout-receipta-5e1d8b3f9a";
    private const string App = "receipt-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "2.0.0");
        var replicas = new[] { (PodName, EksLandscape.NodeA, "10.0.8.57"), ("receipt-api-8d6f5c7b9-c6n3h", EksLandscape.NodeB, "10.0.40.21") };
        foreach (var (name, node, ip) in replicas)
        {
            var pod = new PodSpec("checkout", name, App, image) { NodeName = node, PodIp = ip, CreatedMinutesAgo = 12 }.Seed(context);
            pod["metadata"]!["labels"] = new JsonObject { ["app.kubernetes.io/name"] = App, ["pod-template-hash"] = "8d6f5c7b9" };
        }

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "checkout", App, TargetGroupName, "/healthz", targets: []);

        return new SandboxScenario(Name, 5, $"pod checkout/{PodName} behind the ALB answers 503 Service Temporarily Unavailable",
            $"ALB 503: {TargetGroupName} is empty; Service receipt-api selects app=receipt-api, the pods now carry app.kubernetes.io/name=receipt-api.");
    }
}
