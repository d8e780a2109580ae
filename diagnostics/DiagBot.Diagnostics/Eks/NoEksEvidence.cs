using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Eks;

/// <summary>Stands in for EKS evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoEksEvidence : IEksEvidence
{
    public static readonly NoEksEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<FargateProfile>>> ListFargateProfilesAsync(
        string clusterName, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<FargateProfile>>("eks", "ListFargateProfiles");

    public Task<EvidenceResult<EksCluster>> DescribeClusterAsync(string clusterName, AwsScope scope, CancellationToken cancellationToken) =>
        NotProvided.Gap<EksCluster>("eks", "DescribeCluster");
}
