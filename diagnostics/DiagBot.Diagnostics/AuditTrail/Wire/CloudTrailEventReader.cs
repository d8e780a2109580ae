using System.Text.Json;

namespace DiagBot.Diagnostics.AuditTrail.Wire;

/// <summary>
/// Reads the CloudTrailEvent string (the full record, JSON inside JSON; field names from the CloudTrail
/// record contents reference) into the event. An unreadable record leaves those fields empty.
/// </summary>
internal static class CloudTrailEventReader
{
    public static AuditEvent ToModel(EventWire wire)
    {
        var audit = new AuditEvent
        {
            EventId = wire.EventId ?? string.Empty,
            EventName = wire.EventName ?? string.Empty,
            EventSource = wire.EventSource,
            EventTime = wire.EventTime,
            Username = wire.Username,
            AccessKeyId = wire.AccessKeyId,
            Resources = [.. (wire.Resources ?? []).Select(r => new AuditResource(r.ResourceType, r.ResourceName))],
        };
        if (string.IsNullOrWhiteSpace(wire.CloudTrailEvent))
        {
            return audit;
        }

        try
        {
            using var record = JsonDocument.Parse(wire.CloudTrailEvent);
            var root = record.RootElement;
            var identity = Get(root, "userIdentity");
            return audit with
            {
                ErrorCode = Text(root, "errorCode"),
                ErrorMessage = Text(root, "errorMessage"),
                PrincipalArn = Text(identity, "arn"),
                PrincipalType = Text(identity, "type"),
                SessionIssuerArn = Text(Get(Get(identity, "sessionContext"), "sessionIssuer"), "arn"),
                AwsRegion = Text(root, "awsRegion"),
                SourceIpAddress = Text(root, "sourceIPAddress"),
                RequestParameters = Get(root, "requestParameters") is { ValueKind: JsonValueKind.Object } parameters ? parameters.GetRawText() : null,
            };
        }
        catch (JsonException)
        {
            return audit;
        }
    }

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
