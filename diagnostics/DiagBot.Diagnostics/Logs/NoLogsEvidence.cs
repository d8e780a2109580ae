using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Logs;

/// <summary>Stands in for logs evidence in an IEvidenceSource that does not offer it.</summary>
public sealed class NoLogsEvidence : ILogsEvidence
{
    public static readonly NoLogsEvidence Instance = new();

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> GetLastEventsAsync(LogGroupRef group, string logStreamName, int limit, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<LogEvent>>("logs", "GetLogEvents");

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> FilterEventsAsync(LogFilter filter, CancellationToken cancellationToken) =>
        NotProvided.Gap<IReadOnlyList<LogEvent>>("logs", "FilterLogEvents");
}
