namespace DiagBot.Bot.Chat;

/// <summary>
/// The one admission limit in front of every diagnosis, whichever channel asked: at most MaxConcurrent run, at most
/// MaxQueued wait in turn, and the rest are refused at once with <see cref="Busy"/>. Incident diagnoses wait without
/// the queue bound: their own queue (IncidentDiagnosisQueue) already bounds them, and an incident is never refused.
/// </summary>
public sealed class DiagnosisAdmission(AdmissionOptions options) : IDisposable
{
    public const string Busy = "DiagBot is busy with many diagnoses right now; try again in a minute.";

    private readonly SemaphoreSlim _running = new(options.MaxConcurrent, options.MaxConcurrent);
    private int _waiting;
    private long _admitted;
    private long _refused;

    public long Admitted => Interlocked.Read(ref _admitted);

    public long Refused => Interlocked.Read(ref _refused);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A lease to dispose when the diagnosis ends, or null when the queue is full (answer <see cref="Busy"/>).</summary>
    public async Task<IDisposable?> EnterAsync(bool bounded, CancellationToken cancellationToken)
    {
        if (!_running.Wait(0))
        {
            if (Interlocked.Increment(ref _waiting) > options.MaxQueued && bounded)
            {
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _refused);
                return null;
            }

            try
            {
                await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        Interlocked.Increment(ref _admitted);
        return new Lease(_running);
    }

    public void Dispose() => _running.Dispose();

    private sealed class Lease(SemaphoreSlim running) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                running.Release();
            }
        }
    }
}
