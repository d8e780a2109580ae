using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like unhealthy targets on EKS (the engineer sees a loyalty-api pod not healthy in the ALB's target group), but it
/// is a rollout at work: the new pod just turned Ready and the controller registered it, so its target is "initial"
/// (Elb.InitialHealthChecking, "Initial health checks in progress", per the ELBv2 API reference's TargetHealth) while the
/// two pods of the old ReplicaSet stay healthy.
/// </summary>
internal sealed class TargetsUnhealthyLookalikeRollout : ICatalogueEntry
{
    public const string Name = "lookalike-eks-target-rollout";
    public const string OldPod = "loyalty-api-6b8d7c9f5-r4k2m";
    private const string NewPod = "loyalty-api-5d9f8c7b6-h2j5w";
    private const string TargetGroupName = "k8s-checkout-loyaltya-2c7e91b04d";
    private const string App = "loyalty-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var (before, after) = (EcsSeeds.Image(context, App, "3.1.0"), EcsSeeds.Image(context, App, "3.2.0"));
        Pod(context, OldPod, before, EksLandscape.NodeA, "10.0.9.73", 60 * 20);
        Pod(context, "loyalty-api-6b8d7c9f5-x8d3q", before, EksLandscape.NodeB, "10.0.39.58", 60 * 20);
        Pod(context, NewPod, after, EksLandscape.NodeC, "10.0.15.201", 1);

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "checkout", App, TargetGroupName, "/healthz",
        [
            new ElbTargetHealth("10.0.9.73", 8080, "healthy", AvailabilityZone: context.Zone('a')),
            new ElbTargetHealth("10.0.39.58", 8080, "healthy", AvailabilityZone: context.Zone('b')),
            new ElbTargetHealth("10.0.15.201", 8080, "initial", "Elb.InitialHealthChecking", "Initial health checks in progress", context.Zone('a')),
        ]);

        return new SandboxScenario(Name, null, $"pod checkout/{NewPod} is not healthy in the ALB target group",
            "Look-alike: a new loyalty-api pod's target is still in initial health checks during a rollout; the group's two other targets are healthy.");
    }

    private static void Pod(SeedContext context, string name, string image, string node, string ip, int minutesAgo) =>
        new PodSpec("checkout", name, App, image) { NodeName = node, PodIp = ip, CreatedMinutesAgo = minutesAgo }.Seed(context);
}
