using System.Text.Json;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>Reads the reason and message of a failure's v1 Status body ({"kind":"Status","reason":"Forbidden",...}).</summary>
internal static class KubernetesStatus
{
    public static string? Reason(string? body) => Field(body, "reason");

    public static string? Message(string? body) => Field(body, "message");

    private static string? Field(string? body, string name)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var status = JsonDocument.Parse(body);
            return status.RootElement.ValueKind == JsonValueKind.Object && status.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
