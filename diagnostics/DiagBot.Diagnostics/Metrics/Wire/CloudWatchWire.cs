using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Metrics.Wire;

// GetMetricData over awsJson1_0, as the CloudWatch 2010-08-01 model names its members (PascalCase).

internal sealed record GetMetricDataRequest(
    [property: JsonPropertyName("MetricDataQueries")] IReadOnlyList<MetricDataQueryWire> MetricDataQueries,
    [property: JsonPropertyName("StartTime")] DateTimeOffset StartTime,
    [property: JsonPropertyName("EndTime")] DateTimeOffset EndTime,
    [property: JsonPropertyName("ScanBy")] string ScanBy,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record MetricDataQueryWire(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("MetricStat")] MetricStatWire MetricStat,
    [property: JsonPropertyName("ReturnData")] bool ReturnData);

internal sealed record MetricStatWire(
    [property: JsonPropertyName("Metric")] MetricWire Metric,
    [property: JsonPropertyName("Period")] int Period,
    [property: JsonPropertyName("Stat")] string Stat);

internal sealed record MetricWire(
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("MetricName")] string MetricName,
    [property: JsonPropertyName("Dimensions")] IReadOnlyList<DimensionWire> Dimensions);

internal sealed record DimensionWire([property: JsonPropertyName("Name")] string Name, [property: JsonPropertyName("Value")] string Value);

internal sealed record GetMetricDataResponse(
    [property: JsonPropertyName("MetricDataResults")] IReadOnlyList<MetricDataResultWire>? MetricDataResults,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record MetricDataResultWire(
    [property: JsonPropertyName("Id")] string? Id,
    [property: JsonPropertyName("Label")] string? Label,
    [property: JsonPropertyName("Timestamps")] IReadOnlyList<DateTimeOffset>? Timestamps,
    [property: JsonPropertyName("Values")] IReadOnlyList<double>? Values,
    [property: JsonPropertyName("StatusCode")] string? StatusCode);
