using System.Text.Json.Nodes;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// Security groups for pods as the VPC resource controller (amazon-vpc-resource-controller-k8s) wires them, with the VPC CNI's
/// ENABLE_POD_ENI on: a trunk interface on the pod's node (description aws-k8s-trunk-eni, interface type trunk, the node's
/// groups, attached at device index 2), and for the pod a branch interface in the node's subnet (aws-k8s-branch-eni, type
/// branch, no attachment: it is associated with the trunk by VLAN) carrying the groups the SecurityGroupPolicy selecting the
/// pod names, tagged vpcresources.k8s.aws/vlan-id and trunk-eni-id, eks:eni:owner and kubernetes.io/cluster/&lt;cluster&gt;
/// (pkg/config/type.go, pkg/aws/ec2/api/helper.go). The pod is annotated vpc.amazonaws.com/pod-eni with the interface's
/// ENIDetails (pkg/provider/branch/trunk/trunk.go), asks for the extended resource vpc.amazonaws.com/pod-eni the webhook
/// adds, and carries the controller's two events (pkg/provider/branch/provider.go).
/// </summary>
internal static class PodSecurityGroupSeeds
{
    private const string Controller = "vpc-resource-controller";

    /// <summary>Gives the seeded <paramref name="pod"/> a branch interface carrying <paramref name="groupIds"/>; returns its id.</summary>
    public static string Branch(SeedContext context, JsonObject pod, IReadOnlyList<string> groupIds, int createdMinutesAgo)
    {
        var metadata = pod["metadata"]!.AsObject();
        var (ns, name) = (metadata["namespace"]!.GetValue<string>(), metadata["name"]!.GetValue<string>());
        var podIp = pod["status"]!["podIP"]!.GetValue<string>();
        var hostIp = pod["status"]!["hostIP"]!.GetValue<string>();
        var instance = context.World.Ec2.Instances.First(i => i.PrivateIpAddress == hostIp);
        var subnet = context.World.Ec2.Subnets.First(s => s.SubnetId == instance.SubnetId);
        var trunk = Trunk(context, instance);
        var interfaces = context.World.Ec2.NetworkInterfaces;
        var vlan = interfaces.Count(n => n.InterfaceType == "branch" && n.Tags.Contains(("vpcresources.k8s.aws/trunk-eni-id", trunk))) + 1;
        var id = SeedContext.AwsId("eni", $"branch/{ns}/{name}");
        var mac = Mac("branch/" + id);
        interfaces.Add(new Ec2NetworkInterface(id, subnet.SubnetId, subnet.VpcId, subnet.AvailabilityZone, podIp, mac, "aws-k8s-branch-eni",
            [("vpcresources.k8s.aws/vlan-id", $"{vlan}"), ("vpcresources.k8s.aws/trunk-eni-id", trunk), .. OwnerTags])
        {
            GroupIds = groupIds,
            InterfaceType = "branch",
            RequesterManaged = false,
            Attachment = null,
        });

        var details = new JsonArray(new JsonObject
        {
            ["eniId"] = id,
            ["ifAddress"] = mac,
            ["privateIp"] = podIp,
            ["vlanId"] = vlan,
            ["subnetCidr"] = subnet.CidrBlock,
        }).ToJsonString();
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations[ResourceName] = details;
        metadata["annotations"] = annotations;
        foreach (var container in pod["spec"]!["containers"]!.AsArray())
        {
            var resources = container!["resources"]!;
            resources["requests"]![ResourceName] = "1";
            resources["limits"]![ResourceName] = "1";
        }

        KubeSeeds.Event(context, pod, "Normal", "SecurityGroupRequested",
            $"Pod will get the following Security Groups [{string.Join(' ', groupIds)}]", Controller, createdMinutesAgo, createdMinutesAgo);
        KubeSeeds.Event(context, pod, "Normal", "ResourceAllocated", $"Allocated {details} to the pod", Controller, createdMinutesAgo, createdMinutesAgo);
        return id;
    }

    /// <summary>
    /// A SecurityGroupPolicy selecting the pods labelled app=<paramref name="app"/> in <paramref name="ns"/> with
    /// <paramref name="groupIds"/>, as the EKS user guide's example writes one ("Assign security groups to individual Pods":
    /// spec.podSelector.matchLabels, spec.securityGroups.groupIds).
    /// </summary>
    public static JsonObject Policy(SeedContext context, string ns, string app, IReadOnlyList<string> groupIds, int createdMinutesAgo) =>
        context.World.Kube.Add(KubeResource.SecurityGroupPolicies, new JsonObject
        {
            ["kind"] = "SecurityGroupPolicy",
            ["apiVersion"] = "vpcresources.k8s.aws/v1beta1",
            ["metadata"] = KubeSeeds.Metadata(context, $"{app}-sgp", ns, createdMinutesAgo),
            ["spec"] = new JsonObject
            {
                ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
                ["securityGroups"] = new JsonObject { ["groupIds"] = new JsonArray([.. groupIds.Select(g => (JsonNode)JsonValue.Create(g))]) },
            },
        });

    /// <summary>The name of both the annotation and the extended resource (pkg/config: ResourceNamePodENI).</summary>
    public const string ResourceName = "vpc.amazonaws.com/pod-eni";

    private static IReadOnlyList<(string, string)> OwnerTags =>
        [("eks:eni:owner", "eks-vpc-resource-controller"), ($"kubernetes.io/cluster/{EksLandscape.ClusterName}", "owned")];

    // One trunk per node, made when the controller first sees the node with ENABLE_POD_ENI on.
    private static string Trunk(SeedContext context, Ec2Instance instance)
    {
        var interfaces = context.World.Ec2.NetworkInterfaces;
        if (interfaces.FirstOrDefault(n => n.InterfaceType == "trunk" && n.Attachment?.InstanceId == instance.InstanceId) is { } existing)
        {
            return existing.NetworkInterfaceId;
        }

        var id = SeedContext.AwsId("eni", "trunk/" + instance.InstanceId);
        var octets = instance.PrivateIpAddress.Split('.');
        var address = $"{octets[0]}.{octets[1]}.{octets[2]}.{(int.Parse(octets[3], System.Globalization.CultureInfo.InvariantCulture) + 100) % 250 + 2}";
        interfaces.Add(new Ec2NetworkInterface(id, instance.SubnetId, instance.VpcId, instance.AvailabilityZone, address, Mac("trunk/" + id),
            "aws-k8s-trunk-eni", OwnerTags)
        {
            GroupIds = instance.GroupIds,
            InterfaceType = "trunk",
            RequesterManaged = false,
            Attachment = (instance.InstanceId, 2),
        });
        return id;
    }

    // A locally administered unicast MAC, as EC2 gives interfaces (02:..., 06:..., 0a:..., 0e:...).
    private static string Mac(string seed) => "0e:" + string.Join(':', Enumerable.Range(0, 5).Select(i => SeedContext.Hex(seed, 10).Substring(i * 2, 2)));
}
