using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Tests.Incidents;

/// <summary>
/// One replica's view of a shared store that stops that replica just after it claims an incident (the key
/// `incident:…`), until the test releases it: what another replica does in that moment is then the test's to choose.
/// </summary>
internal sealed class ClaimPausingStore(IIncidentStore inner) : IIncidentStore
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the replica has claimed an incident and stands still.</summary>
    public Task Paused => _paused.Task;

    public void Release() => _released.TrySetResult();

    public async Task<bool> TryClaimAsync(string key, TimeSpan expiry)
    {
        var claimed = await inner.TryClaimAsync(key, expiry);
        if (claimed && key.StartsWith(IncidentRecords.Claim(""), StringComparison.Ordinal) && _paused.TrySetResult())
        {
            await _released.Task;
        }

        return claimed;
    }

    public Task<long> IncrementAsync(string key, TimeSpan expiry) => inner.IncrementAsync(key, expiry);

    public Task SetAsync(string key, string value, TimeSpan expiry) => inner.SetAsync(key, value, expiry);

    public Task<string?> GetAsync(string key) => inner.GetAsync(key);

    public Task RemoveAsync(string key) => inner.RemoveAsync(key);

    public Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry) => inner.AppendAsync(key, value, keepLast, expiry);

    public Task<IReadOnlyList<string>> ListAsync(string key) => inner.ListAsync(key);

    public Task AddToSetAsync(string key, string member, TimeSpan expiry) => inner.AddToSetAsync(key, member, expiry);

    public Task<IReadOnlyList<string>> TakeSetAsync(string key) => inner.TakeSetAsync(key);

    public Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention) => inner.ArchiveTaskAsync(task, retention);

    public Task<ArchivedTask?> FindTaskAsync(string taskArnOrId) => inner.FindTaskAsync(taskArnOrId);
}
