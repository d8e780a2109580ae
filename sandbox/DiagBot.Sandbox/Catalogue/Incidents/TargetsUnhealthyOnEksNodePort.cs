using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 6 on EKS behind an `instance` target group: refund-web's Ingress asks for target-type instance (the
/// controller's default) and names its own security group for the ALB, so the AWS Load Balancer Controller registers the
/// general node group's three instances on the Service's NodePort 31847 (kube-proxy forwards it to a pod) and adds no rule
/// for them ("Security Groups for Load Balancers"; issue #1695: instance mode needs a NodePort Service). The nodes' cluster
/// security group does not admit the ALB on 31847, so every node's target times out: Target.Timeout, "Request timed out"
/// (the ELBv2 API reference, TargetHealth). No target carries the pod's IP: DiagBot finds the pod's target through its node.
/// </summary>
internal sealed class TargetsUnhealthyOnEksNodePort : ICatalogueEntry
{
    public const string Name = "p06-eks-nodeport-blocked";
    public const string PodName = "refund-web-7d5c8b9f4-n4h6q";
    public const string TargetGroupName = "k8s-payments-refundwe-9c3a6e58d1";
    public const int NodePort = 31847;
    private const string App = "refund-web";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "3.0.2");
        new PodSpec("payments", PodName, App, image) { NodeName = EksLandscape.NodeC, PodIp = "10.0.14.77", CreatedMinutesAgo = 35 }.Seed(context);

        // The controller registers every node of the group the Ingress's target-node-labels pick, on the NodePort.
        var nodes = new[] { ("i-0a3f9c2b7d41e5a01", 'a'), ("i-0b71d4e0c9a2f3b02", 'b'), ("i-0c52e8a1f6b7d9c03", 'a') };
        LoadBalancerControllerSeeds.BehindPublicAlb(context, "payments", App, TargetGroupName, "/healthz",
            [.. nodes.Select(n => new ElbTargetHealth(n.Item1, NodePort, "unhealthy", "Target.Timeout", "Request timed out", context.Zone(n.Item2)))],
            backendRules: false, nodePort: NodePort);
        DeploymentSeeds.Deployment(context, "payments", App, image, replicas: 1, available: 1, updated: 1, progressing: true, "refund-web-7d5c8b9f4",
            createdMinutesAgo: 35);

        return new SandboxScenario(Name, 6, $"ALB target of pod payments/{PodName} is unhealthy, health checks time out",
            $"Targets of {TargetGroupName} (the nodes on NodePort {NodePort}) time out: the nodes' security group "
            + $"{EksLandscape.ClusterSecurityGroup} does not let the ALB's group in on tcp {NodePort}.");
    }
}
