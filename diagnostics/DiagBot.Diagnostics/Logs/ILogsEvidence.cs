using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Logs;

/// <summary>What diagnoses read from CloudWatch Logs. Failures come back as gaps, never as exceptions.</summary>
public interface ILogsEvidence
{
    /// <summary>GetLogEvents: the last <paramref name="limit"/> events of one stream, oldest first.</summary>
    Task<EvidenceResult<IReadOnlyList<LogEvent>>> GetLastEventsAsync(LogGroupRef group, string logStreamName, int limit, CancellationToken cancellationToken);

    /// <summary>FilterLogEvents, following nextToken until the limit or the page cap.</summary>
    Task<EvidenceResult<IReadOnlyList<LogEvent>>> FilterEventsAsync(LogFilter filter, CancellationToken cancellationToken);
}
