using System.Collections.Concurrent;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>
/// What the calls of one diagnosis share: the budget, and a cache so the same call is made once however many
/// playbooks ask for it. Gaps are cached too: a source that failed once is reported, not hammered. A read another
/// diagnosis has in flight with the same key is joined (<see cref="InFlightReads"/>).
/// </summary>
internal sealed class EvidenceScope(DiagnosisBudget budget, InFlightReads? shared = null)
{
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);

    public DiagnosisBudget Budget => budget;

    /// <summary>
    /// The load runs once per key, bounded by the budget rather than by the first caller's token, so one
    /// caller giving up does not spoil the answer for the others.
    /// </summary>
    public async Task<EvidenceResult<T>> GetOrLoadAsync<T>(
        string key, string source, string operation, Func<Task<EvidenceResult<T>>> load, CancellationToken cancellationToken)
        where T : class
    {
        var entry = (Lazy<Task<EvidenceResult<T>>>)_cache.GetOrAdd(key, _ => new Lazy<Task<EvidenceResult<T>>>(
            () => shared is null ? load() : shared.JoinAsync(key, load)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.TimedOut, "cancelled by the caller"));
        }
#pragma warning disable CA1031 // The last net: whatever a client failed to turn into a gap still becomes one here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.ServiceError, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}"));
        }
    }
}
