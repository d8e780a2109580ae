using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.AuditTrail.Live;

/// <summary>The CloudTrail operation we call, its JSON 1.1 target prefix and IAM action.</summary>
internal static class CloudTrailApi
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    /// <summary>LookupEvents returns at most 50 events a page.</summary>
    public const int MaxResultsPerPage = 50;

    /// <summary>LookupEvents is limited to two calls a second per account and region: follow few pages.</summary>
    public const int MaxPages = 5;

    public static readonly AwsOperation LookupEvents = new(AwsService.CloudTrail, "LookupEvents", "cloudtrail:LookupEvents");

    public static IReadOnlyList<AwsOperation> Operations { get; } = [LookupEvents];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];
}
