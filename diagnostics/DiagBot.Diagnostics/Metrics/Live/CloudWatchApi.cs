using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Metrics.Live;

/// <summary>
/// The CloudWatch operation we call over awsJson1_0 (one of the three protocols the 2010-08-01 model lists:
/// smithy-rpc-v2-cbor, json, query), its target prefix and IAM action.
/// </summary>
internal static class CloudWatchApi
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>Pages followed at most; a diagnosis asks for a few hundred points, far under one page's 100,800.</summary>
    public const int MaxPages = 5;

    public static readonly AwsOperation GetMetricData = new(AwsService.CloudWatch, "GetMetricData", "cloudwatch:GetMetricData");

    public static IReadOnlyList<AwsOperation> Operations { get; } = [GetMetricData];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];
}
