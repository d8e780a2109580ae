using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Logs.Live;

/// <summary>The CloudWatch Logs operations we call, their JSON 1.1 target prefix and IAM actions.</summary>
internal static class LogsApi
{
    public const string TargetPrefix = "Logs_20140328";

    /// <summary>GetLogEvents and FilterLogEvents return at most 10,000 events a page.</summary>
    public const int MaxEventsPerPage = 10_000;

    /// <summary>Pages followed at most; FilterLogEvents may return empty pages while it scans.</summary>
    public const int MaxPages = 10;

    public static readonly AwsOperation GetLogEvents = new(AwsService.Logs, "GetLogEvents", "logs:GetLogEvents");
    public static readonly AwsOperation FilterLogEvents = new(AwsService.Logs, "FilterLogEvents", "logs:FilterLogEvents");

    public static IReadOnlyList<AwsOperation> Operations { get; } = [GetLogEvents, FilterLogEvents];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];
}
