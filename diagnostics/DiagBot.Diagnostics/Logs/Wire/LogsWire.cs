using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Logs.Wire;

/// <summary>Shapes from the Amazon CloudWatch Logs API Reference: GetLogEvents, FilterLogEvents. Times are epoch milliseconds.</summary>
internal sealed record GetLogEventsRequest(
    [property: JsonPropertyName("logGroupName")] string LogGroupName,
    [property: JsonPropertyName("logStreamName")] string LogStreamName,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("startFromHead")] bool StartFromHead);

internal sealed record GetLogEventsResponse(
    [property: JsonPropertyName("events")] IReadOnlyList<OutputLogEventWire>? Events,
    [property: JsonPropertyName("nextForwardToken")] string? NextForwardToken,
    [property: JsonPropertyName("nextBackwardToken")] string? NextBackwardToken);

internal sealed record OutputLogEventWire(
    [property: JsonPropertyName("timestamp")] long? Timestamp,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("ingestionTime")] long? IngestionTime);

internal sealed record FilterLogEventsRequest(
    [property: JsonPropertyName("logGroupName")] string LogGroupName,
    [property: JsonPropertyName("logStreamNames")] IReadOnlyList<string>? LogStreamNames,
    [property: JsonPropertyName("filterPattern")] string? FilterPattern,
    [property: JsonPropertyName("startTime")] long? StartTime,
    [property: JsonPropertyName("endTime")] long? EndTime,
    [property: JsonPropertyName("limit")] int? Limit,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record FilterLogEventsResponse(
    [property: JsonPropertyName("events")] IReadOnlyList<FilteredLogEventWire>? Events,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record FilteredLogEventWire(
    [property: JsonPropertyName("logStreamName")] string? LogStreamName,
    [property: JsonPropertyName("timestamp")] long? Timestamp,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("eventId")] string? EventId);
