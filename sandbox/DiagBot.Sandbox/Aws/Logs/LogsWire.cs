namespace DiagBot.Sandbox.Aws.Logs;

/// <summary>Response shapes of the Logs_20140328 JSON 1.1 API; timestamps are epoch milliseconds, not seconds.</summary>
internal static class LogsWire
{
    public sealed record OutputLogEvent(long Timestamp, string Message, long IngestionTime);

    public sealed record FilteredLogEvent(string LogStreamName, long Timestamp, string Message, long IngestionTime, string EventId);

    public sealed record GetLogEventsResponse(IReadOnlyList<OutputLogEvent> Events, string NextForwardToken, string NextBackwardToken);

    public sealed record FilterLogEventsResponse(IReadOnlyList<FilteredLogEvent> Events, string? NextToken);

    public sealed record LogGroupWire(string LogGroupName, long CreationTime, int MetricFilterCount, string Arn, long StoredBytes, string LogGroupClass, string LogGroupArn);

    public sealed record DescribeLogGroupsResponse(IReadOnlyList<LogGroupWire> LogGroups, string? NextToken);

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>arn ends in ":*" (the group's streams), logGroupArn without it, as the LogGroup shape documents.</summary>
    public static LogGroupWire Group(SandboxOptions options, LogGroup group)
    {
        var arn = $"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:{group.Name}";
        var bytes = group.Streams.Sum(s => s.Events.Sum(e => (long)e.Message.Length));
        return new LogGroupWire(group.Name, Millis(group.CreatedAt), 0, arn + ":*", bytes, "STANDARD", arn);
    }

    /// <summary>Ingestion follows the event by a moment, as the awslogs driver batches lines.</summary>
    public static OutputLogEvent Output(LogEvent e) => new(Millis(e.Timestamp), e.Message, Millis(e.Timestamp) + 412);

    public static FilteredLogEvent Filtered(string stream, LogEvent e, int index) =>
        new(stream, Millis(e.Timestamp), e.Message, Millis(e.Timestamp) + 412, $"{Millis(e.Timestamp)}{index:D20}");
}
