using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like the nodes' security group blocking the ALB on EKS (the engineer finds no rule for the ALB's listener port
/// 443 on the nodes' group), but the ALB talks to the pods on their target port, not its listener's: the controller's rule
/// from the binding's spec.networking admits the ALB's group on 8080, and gift-card-api's targets are healthy.
/// </summary>
internal sealed class TargetsUnhealthyLookalikeListenerPort : ICatalogueEntry
{
    public const string Name = "lookalike-eks-alb-listener-port";
    public const string PodName = "gift-card-api-6d4b8f7c5-t9v2n";
    private const string TargetGroupName = "k8s-checkout-giftcard-8e3f5a17b2";
    private const string App = "gift-card-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "1.12.0");
        new PodSpec("checkout", PodName, App, image) { NodeName = EksLandscape.NodeC, PodIp = "10.0.13.58", CreatedMinutesAgo = 60 * 6 }.Seed(context);
        new PodSpec("checkout", "gift-card-api-6d4b8f7c5-k3p7d", App, image)
        {
            NodeName = EksLandscape.NodeB,
            PodIp = "10.0.36.201",
            CreatedMinutesAgo = 60 * 6,
        }.Seed(context);

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "checkout", App, TargetGroupName, "/healthz",
        [
            new ElbTargetHealth("10.0.13.58", 8080, "healthy", AvailabilityZone: context.Zone('a')),
            new ElbTargetHealth("10.0.36.201", 8080, "healthy", AvailabilityZone: context.Zone('b')),
        ]);

        return new SandboxScenario(Name, null,
            $"pod checkout/{PodName} behind the ALB: its node security group has no rule for the load balancer on 443, is it blocked?",
            "Look-alike: the nodes' group has no rule for the ALB's listener port, but the ALB reaches the pods on 8080, which the controller's rule admits; "
            + "both targets are healthy.");
    }
}
