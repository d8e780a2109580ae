using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like the nodes' security group keeping the ALB off a pod (the engineer finds no rule for the ALB on 9090 in the
/// nodes' cluster security group, where coupon-api listens), but coupon-api's pods have security groups of their own: a
/// SecurityGroupPolicy puts them on branch interfaces carrying coupon-api-pods, which admits the ALB's group on 9090 (and
/// the nodes' group, for the kubelet's probes). Traffic to such a pod is judged by its branch interface's groups, not its
/// node's (EKS user guide, "Assign security groups to individual Pods"), and both targets are healthy.
/// </summary>
internal sealed class TargetsUnhealthyLookalikePodSecurityGroup : ICatalogueEntry
{
    public const string Name = "lookalike-eks-pod-sg-admits-alb";
    public const string PodName = "coupon-api-5b7d9c8f6-h2t6v";
    private const string TargetGroupName = "k8s-checkout-couponap-3d9f1b6e27";
    private const string App = "coupon-api";
    private const int AppPort = 9090;

    public SandboxScenario Seed(SeedContext context)
    {
        var podGroup = NetworkSeeds.SecurityGroup(context, "coupon-api-pods", ProdLandscape.VpcId,
            NetworkSeeds.Tcp(AppPort, fromGroupId: ProdLandscape.AlbSecurityGroup), NetworkSeeds.Tcp(AppPort, fromGroupId: EksLandscape.ClusterSecurityGroup));
        PodSecurityGroupSeeds.Policy(context, "checkout", App, [podGroup.GroupId], createdMinutesAgo: 60 * 24 * 30);
        var image = EcsSeeds.Image(context, App, "2.7.3");
        var pods = new[] { (PodName, EksLandscape.NodeC, "10.0.15.203"), ("coupon-api-5b7d9c8f6-p9w4k", EksLandscape.NodeB, "10.0.45.66") }
            .Select(p => new PodSpec("checkout", p.Item1, App, image) { NodeName = p.Item2, PodIp = p.Item3, CreatedMinutesAgo = 60 * 3 }.Seed(context))
            .ToList();
        foreach (var pod in pods)
        {
            PodSecurityGroupSeeds.Branch(context, pod, [podGroup.GroupId], createdMinutesAgo: 60 * 3);
        }

        // The Ingress names its own security group for the ALB, so the controller adds no rule to the nodes' group.
        LoadBalancerControllerSeeds.BehindPublicAlb(context, "checkout", App, TargetGroupName, "/healthz",
        [
            new ElbTargetHealth("10.0.15.203", AppPort, "healthy", AvailabilityZone: context.Zone('a')),
            new ElbTargetHealth("10.0.45.66", AppPort, "healthy", AvailabilityZone: context.Zone('b')),
        ], port: AppPort, backendRules: false);

        return new SandboxScenario(Name, null,
            $"pod checkout/{PodName} behind the ALB: the nodes' security group has no rule for the load balancer on 9090, is it blocked?",
            "Look-alike: the nodes' group has no rule for the ALB on 9090, but the pods have security groups of their own (branch interfaces), "
            + "whose group coupon-api-pods admits the ALB; both targets are healthy.");
    }
}
