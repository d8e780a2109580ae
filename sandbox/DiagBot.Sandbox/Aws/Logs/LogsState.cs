namespace DiagBot.Sandbox.Aws.Logs;

internal sealed class LogsState
{
    private readonly List<LogGroup> _groups = [];

    public IReadOnlyList<LogGroup> Groups => _groups;

    public LogGroup? FindGroup(string name) => _groups.FirstOrDefault(g => g.Name == name);

    /// <summary>A group exists before any task writes to it: created beside the task definition that names it, as IaC does.</summary>
    public LogGroup CreateGroup(string name, DateTimeOffset createdAt) => FindGroup(name) ?? Add(new LogGroup(name, createdAt));

    /// <summary>
    /// Appends lines to a stream, creating the stream as the awslogs driver does. The driver never creates the group
    /// (awslogs-create-group is false unless set): a missing group stops the task before it starts instead.
    /// </summary>
    public void Append(string group, string stream, IEnumerable<LogEvent> events)
    {
        var logGroup = FindGroup(group)
            ?? throw new InvalidOperationException($"Seed error: log group {group} does not exist; create it with the task definition that names it.");
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
