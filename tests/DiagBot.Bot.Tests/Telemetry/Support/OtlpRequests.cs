namespace DiagBot.Bot.Tests.Telemetry.Support;

/// <summary>A span as an OTLP ExportTraceServiceRequest carries it (field numbers from opentelemetry-proto trace.proto).</summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A metric data point's name and attributes from an ExportMetricsServiceRequest (metrics.proto).</summary>
internal sealed record OtlpPoint(string Metric, IReadOnlyDictionary<string, string> Attributes);

internal static class OtlpRequests
{
    // ExportTraceServiceRequest.resource_spans = 1; ResourceSpans.scope_spans = 2; ScopeSpans.spans = 2;
    // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, attributes 9.
    public static IEnumerable<OtlpSpan> Spans(byte[] body) =>
        from resource in Protobuf.Repeated(body, 1)
        from scope in Protobuf.Repeated(resource, 2)
        from span in Protobuf.Repeated(scope, 2)
        select new OtlpSpan(Protobuf.Hex(span, 1), Protobuf.Hex(span, 2), Protobuf.Hex(span, 4), Protobuf.Text(span, 5), Protobuf.Attributes(span, 9));

    // ExportMetricsServiceRequest.resource_metrics = 1; ResourceMetrics.scope_metrics = 2; ScopeMetrics.metrics = 2;
    // Metric: name 1, sum 7, histogram 9, each with data_points = 1; NumberDataPoint.attributes = 7, HistogramDataPoint.attributes = 9.
    public static IEnumerable<OtlpPoint> Points(byte[] body) =>
        from resource in Protobuf.Repeated(body, 1)
        from scope in Protobuf.Repeated(resource, 2)
        from metric in Protobuf.Repeated(scope, 2)
        from point in PointsOf(metric)
        select new OtlpPoint(Protobuf.Text(metric, 1), point);

    private static IEnumerable<IReadOnlyDictionary<string, string>> PointsOf(ReadOnlyMemory<byte> metric) =>
        Protobuf.Repeated(metric, 7).SelectMany(sum => Protobuf.Repeated(sum, 1)).Select(p => (IReadOnlyDictionary<string, string>)Protobuf.Attributes(p, 7))
            .Concat(Protobuf.Repeated(metric, 9).SelectMany(h => Protobuf.Repeated(h, 1)).Select(p => (IReadOnlyDictionary<string, string>)Protobuf.Attributes(p, 9)));
}
