using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// A node of the cluster's Graviton managed node group: the kubelet labels it kubernetes.io/arch=arm64 and reports
/// nodeInfo.architecture arm64 (its GOARCH); its EC2 instance is an m7g (AWS Graviton3), arm64 on the EC2 side, with the
/// aarch64 kernel of Amazon Linux 2023.
/// </summary>
internal static class GravitonNodes
{
    public const string NodeGroup = "graviton";

    public static JsonObject Node(SeedContext context, string ip, char zone, string instanceId, string subnetId)
    {
        var node = KubeSeeds.Node(context, ip, context.Zone(zone), instanceId);
        var labels = node["metadata"]!["labels"]!;
        labels["kubernetes.io/arch"] = "arm64";
        labels["node.kubernetes.io/instance-type"] = "m7g.large";
        labels["eks.amazonaws.com/nodegroup"] = NodeGroup;
        labels["eks.amazonaws.com/capacityType"] = "ON_DEMAND";
        var info = node["status"]!["nodeInfo"]!;
        info["architecture"] = "arm64";
        info["kernelVersion"] = "6.1.119-129.201.amzn2023.aarch64";
        EksSeeds.Instance(context, node, subnetId, ProdLandscape.VpcId, [EksLandscape.ClusterSecurityGroup]);
        return node;
    }
}
