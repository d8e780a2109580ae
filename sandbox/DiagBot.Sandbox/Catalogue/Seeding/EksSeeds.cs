using System.Text.Json.Nodes;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Eks;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Builders for the AWS side of the EKS cluster: the cluster itself, its Fargate profiles, and the EC2 instances behind nodes.</summary>
internal static class EksSeeds
{
    public static EksCluster Cluster(SeedContext context, string name, string vpcId, IReadOnlyList<string> subnetIds, string clusterSecurityGroupId)
    {
        var cluster = new EksCluster(name, "1.31", $"https://{SeedContext.Hex("eks/" + name, 32).ToUpperInvariant()}.gr7.{context.Options.Region}.eks.amazonaws.com",
            vpcId, subnetIds, [], clusterSecurityGroupId, context.Ago(60 * 24 * 300));
        context.World.Eks.Clusters.Add(cluster);
        return cluster;
    }

    public static EksFargateProfile FargateProfile(SeedContext context, string cluster, string name, IReadOnlyList<string> subnets, params EksFargateSelector[] selectors)
    {
        var profile = new EksFargateProfile(cluster, name, $"arn:aws:iam::{context.Options.AccountId}:role/{cluster}-fargate-pods", subnets, selectors, context.Ago(60 * 24 * 120));
        context.World.Eks.FargateProfiles.Add(profile);
        return profile;
    }

    /// <summary>The instance behind a node seeded with KubeSeeds.Node: same id, address and zone; architecture from the node's label.</summary>
    public static Ec2Instance Instance(SeedContext context, JsonObject node, string subnetId, string vpcId, IReadOnlyList<string> groupIds, string? lifecycle = null)
    {
        var instanceId = node["spec"]!["providerID"]!.GetValue<string>().Split('/')[^1];
        var labels = node["metadata"]!["labels"]!;
        var address = node["status"]!["addresses"]!.AsArray().First(a => a!["type"]!.GetValue<string>() == "InternalIP")!["address"]!.GetValue<string>();
        var instance = new Ec2Instance(
            instanceId, labels["node.kubernetes.io/instance-type"]!.GetValue<string>(), subnetId, vpcId, address, labels["topology.kubernetes.io/zone"]!.GetValue<string>(),
            groupIds, context.Ago(60 * 24 * 9), labels["kubernetes.io/arch"]!.GetValue<string>() == "arm64" ? "arm64" : "x86_64", lifecycle);
        context.World.Ec2.Instances.Add(instance);
        return instance;
    }
}
