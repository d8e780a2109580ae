using System.Text.Json;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>Reads members of a JSON 1.1 request body, answering AWS-shaped errors for wrong types.</summary>
internal static class JsonRequest
{
    public static string? String(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Serialization(name)
            : null;

    public static string RequiredString(JsonElement body, string name, string code = "InvalidParameterException") =>
        String(body, name) is { Length: > 0 } value ? value : throw new AwsException(code, $"{name} cannot be empty.");

    public static int? Int(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.TryGetInt32(out var number) ? number : throw Serialization(name)
            : null;

    public static long? Long(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.TryGetInt64(out var number) ? number : throw Serialization(name)
            : null;

    public static bool? Bool(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static IReadOnlyList<string> Strings(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Serialization(name);
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Serialization(name))];
    }

    public static JsonElement Object(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) ? value : default;

    private static AwsException Serialization(string name) =>
        new("SerializationException", $"Unexpected value type for member '{name}'.");
}
