namespace DiagBot.Sandbox.Aws.Logs;

internal sealed class LogsState
{
    private readonly List<LogGroup> _groups = [];

    public IReadOnlyList<LogGroup> Groups => _groups;

    public LogGroup? FindGroup(string name) => _groups.FirstOrDefault(g => g.Name == name);

    // Appends lines to a stream, creating its group and stream as the awslogs driver would.
    public void Append(string group, string stream, IEnumerable<LogEvent> events)
    {
        var logGroup = FindGroup(group) ?? Add(new LogGroup(group));
        var logStream = logGroup.Streams.FirstOrDefault(s => s.Name == stream);
        if (logStream is null)
        {
            logStream = new LogStream(stream);
            logGroup.Streams.Add(logStream);
        }

        logStream.Events.AddRange(events);
        logStream.Events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    private LogGroup Add(LogGroup group)
    {
        _groups.Add(group);
        return group;
    }
}
