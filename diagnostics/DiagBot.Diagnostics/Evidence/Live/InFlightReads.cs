using System.Collections.Concurrent;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>
/// Reads being made right now by any diagnosis of the process, by cache key: a second diagnosis of the same subject
/// that asks while the first is still waiting for the answer joins that read instead of sending its own. Only reads
/// in flight are shared; once answered, each diagnosis reads afresh, so nothing here grows or goes stale.
/// </summary>
internal sealed class InFlightReads
{
    private readonly ConcurrentDictionary<string, object> _reads = new(StringComparer.Ordinal);
    private long _joined;

    /// <summary>Reads answered from another diagnosis's request since the process started.</summary>
    public long Joined => Interlocked.Read(ref _joined);

    /// <summary>Reads in flight now.</summary>
    public int Count => _reads.Count;

    public Task<EvidenceResult<T>> JoinAsync<T>(string key, Func<Task<EvidenceResult<T>>> load)
        where T : class
    {
        var read = new Read<T>();
        var entry = _reads.GetOrAdd(key, read);
        if (!ReferenceEquals(entry, read))
        {
            Interlocked.Increment(ref _joined);
            return ((Read<T>)entry).Answer.Task;
        }

        _ = RunAsync(key, read, load);
        return read.Answer.Task;
    }

    private async Task RunAsync<T>(string key, Read<T> read, Func<Task<EvidenceResult<T>>> load)
        where T : class
    {
        EvidenceResult<T>? answer = null;
        Exception? failure = null;
        try
        {
            answer = await load().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whoever joined gets the failure, as the one who started the read would have.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        // Out of the map before anyone is woken: a caller the answer wakes, asking again, must read afresh.
        _reads.TryRemove(new KeyValuePair<string, object>(key, read));
        if (failure is null)
        {
            read.Answer.TrySetResult(answer!);
        }
        else
        {
            read.Answer.TrySetException(failure);
        }
    }

    private sealed class Read<T>
        where T : class
    {
        public TaskCompletionSource<EvidenceResult<T>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
