using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Eks;

/// <summary>What diagnoses read from the Amazon EKS API. Failures come back as gaps, never as exceptions.</summary>
public interface IEksEvidence
{
    /// <summary>ListFargateProfiles, then DescribeFargateProfile for each: the cluster's profiles with their selectors.</summary>
    Task<EvidenceResult<IReadOnlyList<FargateProfile>>> ListFargateProfilesAsync(string clusterName, AwsScope scope, CancellationToken cancellationToken);

    /// <summary>DescribeCluster: the cluster's VPC and control-plane security groups.</summary>
    Task<EvidenceResult<EksCluster>> DescribeClusterAsync(string clusterName, AwsScope scope, CancellationToken cancellationToken);
}
