using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>Serializer settings for AWS JSON 1.1 bodies; field names are spelled out on each wire type.</summary>
internal static class AwsJson
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetHeader = "X-Amz-Target";

    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new EpochSecondsConverter() },
    };
}
