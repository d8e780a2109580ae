using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>The error body of the AWS JSON protocols: {"__type": "...", "message": "..."} (some services say "Message").</summary>
internal sealed record AwsJsonError(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? UpperMessage);
