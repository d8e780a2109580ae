using System.Threading.Channels;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// Incidents claimed by this replica and waiting for their one diagnosis, so the request that brought the first
/// event returns at once. Bounded: when full, the intake waits for room rather than drop an incident it has claimed.
/// </summary>
internal sealed class IncidentDiagnosisQueue
{
    public const int Capacity = 256;

    private readonly Channel<IncidentDiagnosisJob> _jobs = Channel.CreateBounded<IncidentDiagnosisJob>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public ValueTask EnqueueAsync(IncidentDiagnosisJob job, CancellationToken cancellationToken) => _jobs.Writer.WriteAsync(job, cancellationToken);

    public bool TryDequeue(out IncidentDiagnosisJob job) => _jobs.Reader.TryRead(out job!);

    public IAsyncEnumerable<IncidentDiagnosisJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>An incident this replica claimed: its key, its first event and when that arrived.</summary>
internal sealed record IncidentDiagnosisJob(IncidentKey Key, IncidentOccurrence First, DateTimeOffset At);
