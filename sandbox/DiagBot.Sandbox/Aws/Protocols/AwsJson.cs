using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiagBot.Sandbox.Aws.Protocols;

internal static class AwsJson
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Member names on the JSON 1.1 wire are camelCase; absent members are left out rather than sent as null.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };

    /// <summary>CloudTrail's members are PascalCase on the wire (LookupAttributes, EventTime), unlike ECS and Logs.</summary>
    public static JsonSerializerOptions PascalCaseOptions { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };

    public static async Task WriteAsync(HttpResponse response, object body, string requestId, JsonSerializerOptions? options = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = requestId;
        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), options ?? SerializerOptions);
    }

    public static async Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId)
    {
        response.StatusCode = (int)error.StatusCode;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers["x-amzn-ErrorType"] = error.Code;
        var body = new Dictionary<string, string> { ["__type"] = error.Code, ["message"] = error.Message };
        await JsonSerializer.SerializeAsync(response.Body, body, SerializerOptions);
    }
}
