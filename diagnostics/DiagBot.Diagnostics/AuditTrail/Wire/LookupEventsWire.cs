using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.AuditTrail.Wire;

/// <summary>Shapes from the AWS CloudTrail API Reference: LookupEvents, LookupAttribute, Event, Resource (PascalCase on the wire).</summary>
internal sealed record LookupEventsRequest(
    [property: JsonPropertyName("LookupAttributes")] IReadOnlyList<LookupAttributeWire> LookupAttributes,
    [property: JsonPropertyName("StartTime")] DateTimeOffset? StartTime,
    [property: JsonPropertyName("EndTime")] DateTimeOffset? EndTime,
    [property: JsonPropertyName("MaxResults")] int MaxResults,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record LookupAttributeWire(
    [property: JsonPropertyName("AttributeKey")] string AttributeKey,
    [property: JsonPropertyName("AttributeValue")] string AttributeValue);

internal sealed record LookupEventsResponse(
    [property: JsonPropertyName("Events")] IReadOnlyList<EventWire>? Events,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record EventWire(
    [property: JsonPropertyName("EventId")] string? EventId,
    [property: JsonPropertyName("EventName")] string? EventName,
    [property: JsonPropertyName("ReadOnly")] string? ReadOnly,
    [property: JsonPropertyName("AccessKeyId")] string? AccessKeyId,
    [property: JsonPropertyName("EventTime")] DateTimeOffset? EventTime,
    [property: JsonPropertyName("EventSource")] string? EventSource,
    [property: JsonPropertyName("Username")] string? Username,
    [property: JsonPropertyName("Resources")] IReadOnlyList<ResourceWire>? Resources,
    [property: JsonPropertyName("CloudTrailEvent")] string? CloudTrailEvent);

internal sealed record ResourceWire(
    [property: JsonPropertyName("ResourceType")] string? ResourceType,
    [property: JsonPropertyName("ResourceName")] string? ResourceName);
