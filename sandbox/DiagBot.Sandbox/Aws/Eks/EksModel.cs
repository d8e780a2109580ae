namespace DiagBot.Sandbox.Aws.Eks;

// An EKS cluster as DescribeCluster reports it (EKS API Reference, Cluster and VpcConfigResponse).
internal sealed record EksCluster(
    string Name, string Version, string Endpoint, string VpcId, IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds,
    string ClusterSecurityGroupId, DateTimeOffset CreatedAt, string Status = "ACTIVE");

// A Fargate profile (EKS API Reference, FargateProfile): pods matching one of its selectors (namespace, and every label) run on Fargate.
internal sealed record EksFargateProfile(
    string ClusterName, string Name, string PodExecutionRoleArn, IReadOnlyList<string> Subnets, IReadOnlyList<EksFargateSelector> Selectors,
    DateTimeOffset CreatedAt, string Status = "ACTIVE");

internal sealed record EksFargateSelector(string Namespace, IReadOnlyDictionary<string, string>? Labels = null);

internal sealed class EksState
{
    public List<EksCluster> Clusters { get; } = [];

    public List<EksFargateProfile> FargateProfiles { get; } = [];
}
