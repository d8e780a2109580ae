using StackExchange.Redis;

namespace DiagBot.Bot.Store;

/// <summary>
/// Every call to the shared store with a bounded wait (`DiagBot:Store:TimeoutSeconds`, default 1.5 s): a Redis that is
/// down or does not answer becomes a <see cref="StoreUnavailableException"/> at once, instead of StackExchange.Redis'
/// own 5 s timeout, so the EventBridge intake answers 503 well inside the API destination's 5 s and a diagnosis names
/// the gap instead of hanging.
/// </summary>
internal sealed class BoundedIncidentStore(IIncidentStore inner, TimeSpan timeout, TimeProvider clock) : IIncidentStore
{
    public Task<bool> TryClaimAsync(string key, TimeSpan expiry) => Bounded(inner.TryClaimAsync(key, expiry));

    public Task<long> IncrementAsync(string key, TimeSpan expiry) => Bounded(inner.IncrementAsync(key, expiry));

    public Task SetAsync(string key, string value, TimeSpan expiry) => Bounded(inner.SetAsync(key, value, expiry));

    public Task<string?> GetAsync(string key) => Bounded(inner.GetAsync(key));

    public Task RemoveAsync(string key) => Bounded(inner.RemoveAsync(key));

    public Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry) => Bounded(inner.AppendAsync(key, value, keepLast, expiry));

    public Task<IReadOnlyList<string>> ListAsync(string key) => Bounded(inner.ListAsync(key));

    public Task AddToSetAsync(string key, string member, TimeSpan expiry) => Bounded(inner.AddToSetAsync(key, member, expiry));

    public Task<IReadOnlyList<string>> TakeSetAsync(string key) => Bounded(inner.TakeSetAsync(key));

    public Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention) => Bounded(inner.ArchiveTaskAsync(task, retention));

    public Task<ArchivedTask?> FindTaskAsync(string taskArnOrId) => Bounded(inner.FindTaskAsync(taskArnOrId));

    private async Task Bounded(Task call) => await Bounded(WithResult(call)).ConfigureAwait(false);

    private async Task<T> Bounded<T>(Task<T> call)
    {
        try
        {
            return await call.WaitAsync(timeout, clock).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            Observe(call);
            throw new StoreUnavailableException($"the shared store (Redis) did not answer within {timeout.TotalSeconds:0.#} s", exception);
        }
        catch (Exception exception) when (exception is RedisException or System.Net.Sockets.SocketException)
        {
            throw new StoreUnavailableException($"the shared store (Redis) refused: {exception.Message}", exception);
        }
    }

    private static async Task<bool> WithResult(Task call)
    {
        await call.ConfigureAwait(false);
        return true;
    }

    // The abandoned call may still fail later; its exception is observed here rather than left unobserved.
    private static void Observe(Task call) => call.ContinueWith(static done => _ = done.Exception, TaskScheduler.Default);
}
