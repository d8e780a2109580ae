using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Ecs;

internal static class EcsPaging
{
    /// <summary>ECS refuses a page size outside 1..limit rather than clamping it.</summary>
    public static int MaxResults(AwsCall call, int limit) => JsonRequest.Int(call.Json, "maxResults") switch
    {
        null => limit,
        var size and >= 1 when size <= limit => size.Value,
        _ => throw EcsErrors.InvalidParameter($"maxResults must be between 1 and {limit}."),
    };
}
