namespace DiagBot.Diagnostics.Logs;

/// <summary>One CloudWatch Logs event.</summary>
public sealed record LogEvent(DateTimeOffset Timestamp, string Message, string? LogStreamName);
