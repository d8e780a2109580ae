using System.Text.Json.Nodes;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// What the AWS Load Balancer Controller leaves in a cluster for an Ingress backend or a LoadBalancer Service: the Service
/// and a TargetGroupBinding naming the target group (elbv2.k8s.aws/v1beta1 TargetGroupBindingSpec: targetGroupARN,
/// targetType, serviceRef, networking.ingress from the load balancer's security group).
/// </summary>
internal static class LoadBalancerControllerSeeds
{
    /// <summary>
    /// An app of <paramref name="ns"/> behind the prod ALB as the controller wires an Ingress with target-type ip: a target
    /// group on port 8080 the ALB forwards to, checked every 15 s at <paramref name="healthCheckPath"/>, holding
    /// <paramref name="targets"/>; the app's Service (port 80 to 8080); and the TargetGroupBinding, named after the group,
    /// that fills it with the Service's pod IPs and lets the ALB's security group in.
    /// </summary>
    public static void BehindPublicAlb(SeedContext context, string ns, string app, string targetGroupName, string healthCheckPath,
        IReadOnlyList<ElbTargetHealth> targets)
    {
        var arn = NetworkSeeds.TargetGroupArn(context, targetGroupName);
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = arn,
            TargetGroupName = targetGroupName,
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            HealthCheckPath = healthCheckPath,
            HealthCheckIntervalSeconds = 15,
            LoadBalancerArns = [ProdLandscape.PublicLoadBalancer(context).LoadBalancerArn],
            Targets = targets,
            Tags = IngressTags(ns, app, app, 80),
        });
        Service(context, ns, app, app, 80, "8080");
        TargetGroupBinding(context, ns, targetGroupName, app, 80, arn, ProdLandscape.AlbSecurityGroup, 8080);
    }

    /// <summary>
    /// The tags the controller puts on a target group it made for an Ingress backend (aws-load-balancer-controller
    /// pkg/deploy/tracking/provider.go StackTags and ResourceTags; the resource id from pkg/ingress/model_build_target_group.go
    /// buildTargetGroupResourceID, "namespace/ingress-service:port"), for an Ingress outside any IngressGroup.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> IngressTags(string ns, string ingress, string service, int servicePort) =>
    [
        ("elbv2.k8s.aws/cluster", EksLandscape.ClusterName),
        ("ingress.k8s.aws/stack", $"{ns}/{ingress}"),
        ("ingress.k8s.aws/resource", $"{ns}/{ingress}-{service}:{servicePort}"),
    ];

    public static JsonObject Service(SeedContext context, string ns, string name, string app, int port, string targetPort, JsonObject? annotations = null)
    {
        var metadata = KubeSeeds.Metadata(context, name, ns, 60 * 24 * 60, new JsonObject { ["app"] = app });
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }

        return context.World.Kube.Add(KubeResource.Services, new JsonObject
        {
            ["kind"] = "Service",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["selector"] = new JsonObject { ["app"] = app },
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = port, ["protocol"] = "TCP", ["targetPort"] = TargetPort(targetPort) }),
                ["clusterIP"] = $"172.20.{Convert.ToInt32(SeedContext.Hex(ns + "/" + name, 2), 16)}.{(Convert.ToInt32(SeedContext.Hex(name + "/ip", 2), 16) % 250) + 1}",
                ["sessionAffinity"] = "None",
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        });
    }

    public static JsonObject TargetGroupBinding(SeedContext context, string ns, string name, string service, int servicePort, string targetGroupArn, string fromSecurityGroup, int targetPort)
    {
        var labels = new JsonObject { ["ingress.k8s.aws/stack-name"] = service, ["ingress.k8s.aws/stack-namespace"] = ns };
        return context.World.Kube.Add(KubeResource.TargetGroupBindings, new JsonObject
        {
            ["kind"] = "TargetGroupBinding",
            ["apiVersion"] = "elbv2.k8s.aws/v1beta1",
            ["metadata"] = KubeSeeds.Metadata(context, name, ns, 60 * 24 * 60, labels),
            ["spec"] = new JsonObject
            {
                ["serviceRef"] = new JsonObject { ["name"] = service, ["port"] = servicePort },
                ["targetGroupARN"] = targetGroupArn,
                ["targetType"] = "ip",
                ["ipAddressType"] = "ipv4",
                ["networking"] = new JsonObject
                {
                    ["ingress"] = new JsonArray(new JsonObject
                    {
                        ["from"] = new JsonArray(new JsonObject { ["securityGroup"] = new JsonObject { ["groupID"] = fromSecurityGroup } }),
                        ["ports"] = new JsonArray(new JsonObject { ["protocol"] = "TCP", ["port"] = targetPort }),
                    }),
                },
            },
            ["status"] = new JsonObject { ["observedGeneration"] = 1 },
        });
    }

    private static JsonNode TargetPort(string port) => int.TryParse(port, out var number) ? JsonValue.Create(number) : JsonValue.Create(port);
}
