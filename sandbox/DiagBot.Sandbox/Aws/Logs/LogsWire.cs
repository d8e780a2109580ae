namespace DiagBot.Sandbox.Aws.Logs;

// Response shapes of the Logs_20140328 JSON 1.1 API; timestamps are epoch milliseconds, not seconds.
internal static class LogsWire
{
    public sealed record OutputLogEvent(long Timestamp, string Message, long IngestionTime);

    public sealed record FilteredLogEvent(string LogStreamName, long Timestamp, string Message, long IngestionTime, string EventId);

    public sealed record GetLogEventsResponse(IReadOnlyList<OutputLogEvent> Events, string NextForwardToken, string NextBackwardToken);

    public sealed record FilterLogEventsResponse(IReadOnlyList<FilteredLogEvent> Events, string? NextToken);

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    // Ingestion follows the event by a moment, as the awslogs driver batches lines.
    public static OutputLogEvent Output(LogEvent e) => new(Millis(e.Timestamp), e.Message, Millis(e.Timestamp) + 412);

    public static FilteredLogEvent Filtered(string stream, LogEvent e, int index) =>
        new(stream, Millis(e.Timestamp), e.Message, Millis(e.Timestamp) + 412, $"{Millis(e.Timestamp)}{index:D20}");
}
