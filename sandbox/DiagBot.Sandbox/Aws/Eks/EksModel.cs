namespace DiagBot.Sandbox.Aws.Eks;

/// <summary>An EKS cluster as DescribeCluster reports it (EKS API Reference, Cluster and VpcConfigResponse).</summary>
internal sealed record EksCluster(
    string Name, string Version, string Endpoint, string VpcId, IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds,
    string ClusterSecurityGroupId, DateTimeOffset CreatedAt, string Status = "ACTIVE");

/// <summary>A Fargate profile (EKS API Reference, FargateProfile): pods matching one of its selectors (namespace, and every label) run on Fargate.</summary>
internal sealed record EksFargateProfile(
    string ClusterName, string Name, string PodExecutionRoleArn, IReadOnlyList<string> Subnets, IReadOnlyList<EksFargateSelector> Selectors,
    DateTimeOffset CreatedAt, string Status = "ACTIVE");

internal sealed record EksFargateSelector(string Namespace, IReadOnlyDictionary<string, string>? Labels = null);

internal sealed class EksState
{
    public List<EksCluster> Clusters { get; } = [];

    public List<EksFargateProfile> FargateProfiles { get; } = [];
}
