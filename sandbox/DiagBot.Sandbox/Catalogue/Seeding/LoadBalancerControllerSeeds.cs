using System.Globalization;
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
    /// <remarks>
    /// <paramref name="backendRules"/> false is an Ingress that names its own security groups
    /// (alb.ingress.kubernetes.io/security-groups): the controller then leaves the binding without spec.networking and the
    /// nodes' groups as they are, unless manage-backend-security-group-rules is "true" (the controller's "Security Groups for
    /// Load Balancers" guide). A <paramref name="nodePort"/> is an Ingress with target-type instance: the Service is a NodePort
    /// one, and the group (target type instance) holds the nodes' instances on that port, as <paramref name="targets"/> say.
    /// </remarks>
    public static void BehindPublicAlb(SeedContext context, string ns, string app, string targetGroupName, string healthCheckPath,
        IReadOnlyList<ElbTargetHealth> targets, int port = 8080, bool backendRules = true, int? nodePort = null)
    {
        var arn = NetworkSeeds.TargetGroupArn(context, targetGroupName);
        NetworkSeeds.TargetGroup(context, new ElbTargetGroup
        {
            TargetGroupArn = arn,
            TargetGroupName = targetGroupName,
            VpcId = ProdLandscape.VpcId,
            Port = nodePort ?? port,
            TargetType = nodePort is null ? "ip" : "instance",
            HealthCheckPath = healthCheckPath,
            HealthCheckIntervalSeconds = 15,
            LoadBalancerArns = [ProdLandscape.PublicLoadBalancer(context).LoadBalancerArn],
            Targets = targets,
            Tags = IngressTags(ns, app, app, 80),
        });
        Service(context, ns, app, app, 80, port.ToString(CultureInfo.InvariantCulture), nodePort: nodePort);
        TargetGroupBinding(context, ns, targetGroupName, app, 80, arn, backendRules ? ProdLandscape.AlbSecurityGroup : null, nodePort ?? port,
            nodePort is null ? "ip" : "instance");
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

    public static JsonObject Service(
        SeedContext context, string ns, string name, string app, int port, string targetPort, JsonObject? annotations = null, int? nodePort = null)
    {
        var metadata = KubeSeeds.Metadata(context, name, ns, 60 * 24 * 60, new JsonObject { ["app"] = app });
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }

        var servicePort = new JsonObject { ["name"] = "http", ["port"] = port, ["protocol"] = "TCP", ["targetPort"] = TargetPort(targetPort) };
        if (nodePort is not null)
        {
            servicePort["nodePort"] = nodePort;
        }

        return context.World.Kube.Add(KubeResource.Services, new JsonObject
        {
            ["kind"] = "Service",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["type"] = nodePort is null ? "ClusterIP" : "NodePort",
                ["selector"] = new JsonObject { ["app"] = app },
                ["ports"] = new JsonArray(servicePort),
                ["clusterIP"] = $"172.20.{Convert.ToInt32(SeedContext.Hex(ns + "/" + name, 2), 16)}.{(Convert.ToInt32(SeedContext.Hex(name + "/ip", 2), 16) % 250) + 1}",
                ["sessionAffinity"] = "None",
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        });
    }

    public static JsonObject TargetGroupBinding(SeedContext context, string ns, string name, string service, int servicePort, string targetGroupArn,
        string? fromSecurityGroup, int targetPort, string targetType = "ip")
    {
        var labels = new JsonObject { ["ingress.k8s.aws/stack-name"] = service, ["ingress.k8s.aws/stack-namespace"] = ns };
        if (fromSecurityGroup is not null)
        {
            OpenNodeGroup(context, fromSecurityGroup, targetPort);
        }

        var spec = new JsonObject
        {
            ["serviceRef"] = new JsonObject { ["name"] = service, ["port"] = servicePort },
            ["targetGroupARN"] = targetGroupArn,
            ["targetType"] = targetType,
            ["ipAddressType"] = "ipv4",
        };
        if (fromSecurityGroup is not null)
        {
            spec["networking"] = new JsonObject
            {
                ["ingress"] = new JsonArray(new JsonObject
                {
                    ["from"] = new JsonArray(new JsonObject { ["securityGroup"] = new JsonObject { ["groupID"] = fromSecurityGroup } }),
                    ["ports"] = new JsonArray(new JsonObject { ["protocol"] = "TCP", ["port"] = targetPort }),
                }),
            };
        }

        return context.World.Kube.Add(KubeResource.TargetGroupBindings, new JsonObject
        {
            ["kind"] = "TargetGroupBinding",
            ["apiVersion"] = "elbv2.k8s.aws/v1beta1",
            ["metadata"] = KubeSeeds.Metadata(context, name, ns, 60 * 24 * 60, labels),
            ["spec"] = spec,
            ["status"] = new JsonObject { ["observedGeneration"] = 1 },
        });
    }

    /// <summary>
    /// What the controller makes of spec.networking: an inbound rule on the targets' interfaces' security group tagged
    /// kubernetes.io/cluster/&lt;cluster&gt; (aws-load-balancer-controller issue #2557), on the EKS nodes here the cluster security group.
    /// </summary>
    public static void OpenNodeGroup(SeedContext context, string fromSecurityGroup, int port)
    {
        var groups = context.World.Ec2.SecurityGroups;
        var index = groups.FindIndex(g => g.GroupId == EksLandscape.ClusterSecurityGroup);
        var rule = NetworkSeeds.Tcp(port, fromGroupId: fromSecurityGroup);
        if (index >= 0 && !groups[index].Ingress.Any(r => r.IpProtocol == rule.IpProtocol && r.FromPort == port && r.ToPort == port
            && r.CidrRanges.Count == 0 && r.SourceGroupIds.SequenceEqual(rule.SourceGroupIds)))
        {
            groups[index] = groups[index] with { Ingress = [.. groups[index].Ingress, rule] };
        }
    }

    private static JsonNode TargetPort(string port) => int.TryParse(port, out var number) ? JsonValue.Create(number) : JsonValue.Create(port);
}
