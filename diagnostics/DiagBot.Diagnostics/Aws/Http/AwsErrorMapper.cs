using System.Net;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>Turns an AWS error code and HTTP status into the gap a verdict reports.</summary>
internal static class AwsErrorMapper
{
    private static readonly string[] AccessDeniedCodes =
    [
        "AccessDenied", "UnrecognizedClient", "InvalidSignature", "SignatureDoesNotMatch", "IncompleteSignature",
        "InvalidClientTokenId", "ExpiredToken", "MissingAuthenticationToken", "UnauthorizedOperation", "AuthFailure",
        "NotAuthorized",
    ];

    private static readonly string[] ThrottlingCodes =
    [
        "Throttling", "TooManyRequests", "RequestLimitExceeded", "ProvisionedThroughputExceeded", "SlowDown",
        "RequestThrottled", "PriorRequestNotComplete",
    ];

    private static readonly string[] ServerCodes = ["ServerException", "InternalFailure", "InternalError", "ServiceUnavailable"];

    /// <summary>
    /// The code as AWS spells it without namespace or URI: "com.amazonaws.ecs#ClusterNotFoundException" and
    /// "ClusterNotFoundException:http://internal.amazon.com/" both become "ClusterNotFoundException".
    /// </summary>
    public static string NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return string.Empty;
        }

        var name = code[(code.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? name[..colon] : name).Trim();
    }

    public static GapReason Classify(HttpStatusCode status, string code)
    {
        if (StartsWithAny(code, AccessDeniedCodes))
        {
            return GapReason.AccessDenied;
        }

        if (StartsWithAny(code, ThrottlingCodes) || status == HttpStatusCode.TooManyRequests)
        {
            return GapReason.Throttled;
        }

        if ((int)status >= 500 || StartsWithAny(code, ServerCodes))
        {
            return GapReason.ServiceError;
        }

        if (code.Contains("NotFound", StringComparison.OrdinalIgnoreCase) || status == HttpStatusCode.NotFound)
        {
            return GapReason.NotFound;
        }

        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? GapReason.AccessDenied : GapReason.InvalidRequest;
    }

    public static EvidenceGap ToGap(AwsOperation operation, HttpStatusCode status, string? rawCode, string? message)
    {
        var code = NormalizeCode(rawCode);
        var reason = Classify(status, code);
        var said = string.IsNullOrWhiteSpace(code) ? $"HTTP {(int)status}" : code;
        if (!string.IsNullOrWhiteSpace(message))
        {
            said += $": {message}";
        }

        var detail = reason == GapReason.AccessDenied ? $"{operation.IamAction} denied ({said})" : said;
        return new EvidenceGap(operation.Service.Key, operation.Name, reason, detail);
    }

    public static bool IsRetryable(GapReason reason) => reason is GapReason.Throttled or GapReason.ServiceError;

    private static bool StartsWithAny(string code, string[] prefixes) =>
        prefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
