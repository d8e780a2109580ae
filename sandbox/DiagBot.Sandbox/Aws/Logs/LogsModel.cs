namespace DiagBot.Sandbox.Aws.Logs;

/// <summary>One log line as CloudWatch Logs stores it; times are epoch milliseconds on the wire.</summary>
internal sealed record LogEvent(DateTimeOffset Timestamp, string Message);

internal sealed class LogStream(string name)
{
    public string Name { get; } = name;

    public List<LogEvent> Events { get; } = [];
}

internal sealed class LogGroup(string name, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<LogStream> Streams { get; } = [];
}
