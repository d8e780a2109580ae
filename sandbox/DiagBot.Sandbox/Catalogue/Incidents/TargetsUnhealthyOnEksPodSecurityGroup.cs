using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 6 on EKS, the path blocked at the pod's own security group: a SecurityGroupPolicy gives ledger-api's pods
/// the group ledger-api-pods, so the VPC resource controller puts each on a branch interface carrying only that group
/// (EKS user guide, "Assign security groups to individual Pods": traffic to the pod is then evaluated at the branch
/// interface, not by its node's groups). The group admits the nodes' cluster security group on 8080, which the user guide
/// asks for so the kubelet's probes reach the pod (the pods stay Ready), but not the ALB. The Ingress names its own security
/// group for the ALB, so the controller manages no rule for it ("Security Groups for Load Balancers"). The nodes' cluster
/// security group does admit the ALB on 8080, the controller's rule for the other apps' bindings: reading the node would
/// clear the path. Every health check times out: Target.Timeout, "Request timed out" (the ELBv2 API reference, TargetHealth).
/// </summary>
internal sealed class TargetsUnhealthyOnEksPodSecurityGroup : ICatalogueEntry
{
    public const string Name = "p06-eks-pod-sg-blocks-alb";
    public const string PodName = "ledger-api-6c8f7b9d4-x7q2p";
    public const string TargetGroupName = "k8s-payments-ledgerap-7e2c4a91d3";
    public const string PodGroupName = "ledger-api-pods";
    private const string App = "ledger-api";
    private const int AppPort = 8080;

    public SandboxScenario Seed(SeedContext context)
    {
        var podGroup = NetworkSeeds.SecurityGroup(context, PodGroupName, ProdLandscape.VpcId,
            NetworkSeeds.Tcp(AppPort, fromGroupId: EksLandscape.ClusterSecurityGroup));
        LoadBalancerControllerSeeds.OpenNodeGroup(context, ProdLandscape.AlbSecurityGroup, AppPort);

        PodSecurityGroupSeeds.Policy(context, "payments", App, [podGroup.GroupId], createdMinutesAgo: 60 * 24 * 9);
        var image = EcsSeeds.Image(context, App, "5.2.0");
        var pods = new[] { (PodName, EksLandscape.NodeA, "10.0.6.142"), ("ledger-api-6c8f7b9d4-m3k8w", EksLandscape.NodeB, "10.0.41.19") }
            .Select(p => new PodSpec("payments", p.Item1, App, image) { NodeName = p.Item2, PodIp = p.Item3, CreatedMinutesAgo = 25 }.Seed(context))
            .ToList();
        foreach (var pod in pods)
        {
            PodSecurityGroupSeeds.Branch(context, pod, [podGroup.GroupId], createdMinutesAgo: 25);
        }

        // The app (zap's production JSON: level, ts in epoch seconds, msg, durations in seconds) answers the kubelet's probes;
        // no line from ELB-HealthChecker/2.0 ever arrives.
        var started = context.Ago(25).ToUnixTimeSeconds();
        KubeSeeds.Logs(context, pods[0], App, false,
            $"{{\"level\":\"info\",\"ts\":{started}.41,\"msg\":\"listening\",\"addr\":\":8080\"}}",
            $"{{\"level\":\"info\",\"ts\":{started + 30}.02,\"msg\":\"request\",\"method\":\"GET\",\"path\":\"/healthz\",\"status\":200,"
                + "\"user_agent\":\"kube-probe/1.31\",\"duration\":0.0011}");

        LoadBalancerControllerSeeds.BehindPublicAlb(context, "payments", App, TargetGroupName, "/healthz",
            [.. pods.Select((p, i) => new ElbTargetHealth(p["status"]!["podIP"]!.GetValue<string>(), AppPort, "unhealthy", "Target.Timeout",
                "Request timed out", context.Zone(i == 0 ? 'a' : 'b')))],
            port: AppPort, backendRules: false);
        DeploymentSeeds.Deployment(context, "payments", App, image, replicas: 2, available: 2, updated: 2, progressing: true, "ledger-api-6c8f7b9d4",
            createdMinutesAgo: 25);

        return new SandboxScenario(Name, 6, $"ALB health checks of pod payments/{PodName} time out, its target is unhealthy",
            $"Targets of {TargetGroupName} time out: the pods' own security group {podGroup.GroupId} ({PodGroupName}, from a SecurityGroupPolicy) "
            + $"does not let the ALB's group in on tcp {AppPort}; the nodes' group does, but a pod on a branch interface is not behind it.");
    }
}
