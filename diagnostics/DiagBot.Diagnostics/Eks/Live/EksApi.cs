using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Eks.Live;

/// <summary>The EKS operations we call (REST-JSON GETs) and their IAM actions.</summary>
internal static class EksApi
{
    public const int MaxResults = 100;

    public const int MaxPages = 5;

    public static readonly AwsOperation ListFargateProfiles = new(AwsService.Eks, "ListFargateProfiles", "eks:ListFargateProfiles");
    public static readonly AwsOperation DescribeFargateProfile = new(AwsService.Eks, "DescribeFargateProfile", "eks:DescribeFargateProfile");

    public static readonly AwsOperation DescribeCluster = new(AwsService.Eks, "DescribeCluster", "eks:DescribeCluster");

    public static IReadOnlyList<AwsOperation> Operations { get; } = [ListFargateProfiles, DescribeFargateProfile, DescribeCluster];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];

    public static string ProfilesPath(string clusterName) => $"clusters/{Uri.EscapeDataString(clusterName)}/fargate-profiles";
}
