using System.Collections.Concurrent;

namespace DiagBot.Bot.Store;

/// <summary>The embedded default: one process, expiry read from the injected clock.</summary>
internal sealed class InMemoryIncidentStore(TimeProvider clock) : IIncidentStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ArchivedTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly InMemoryCollections _collections = new(clock);

    public Task<bool> TryClaimAsync(string key, TimeSpan expiry)
    {
        lock (_gate)
        {
            if (Live(key) is not null)
            {
                return Task.FromResult(false);
            }

            _entries[key] = new Entry("1", clock.GetUtcNow() + expiry);
            return Task.FromResult(true);
        }
    }

    public Task<long> IncrementAsync(string key, TimeSpan expiry)
    {
        lock (_gate)
        {
            var value = long.Parse(Live(key) ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 1;
            _entries[key] = new Entry(value.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow() + expiry);
            return Task.FromResult(value);
        }
    }

    public Task SetAsync(string key, string value, TimeSpan expiry)
    {
        _entries[key] = new Entry(value, clock.GetUtcNow() + expiry);
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string key) => Task.FromResult(Live(key));

    public Task RemoveAsync(string key)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry)
    {
        lock (_gate)
        {
            _collections.Append(key, value, keepLast, expiry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string key)
    {
        lock (_gate)
        {
            return Task.FromResult(_collections.List(key));
        }
    }

    public Task AddToSetAsync(string key, string member, TimeSpan expiry)
    {
        lock (_gate)
        {
            _collections.AddToSet(key, member, expiry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> TakeSetAsync(string key)
    {
        lock (_gate)
        {
            return Task.FromResult(_collections.TakeSet(key));
        }
    }

    public Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention)
    {
        lock (_gate)
        {
            if (_tasks.TryGetValue(task.TaskId, out var kept) && kept.Version >= task.Version && kept.ReceivedAt + retention > clock.GetUtcNow())
            {
                return Task.FromResult(false);
            }

            _tasks[task.TaskId] = task;
            return Task.FromResult(true);
        }
    }

    public Task<ArchivedTask?> FindTaskAsync(string taskArnOrId)
    {
        var id = taskArnOrId[(taskArnOrId.LastIndexOf('/') + 1)..];
        return Task.FromResult(_tasks.TryGetValue(id, out var task) && task.ReceivedAt + TaskRetention > clock.GetUtcNow() ? task : null);
    }

    /// <summary>How long kept tasks are found; set from StoreOptions at registration.</summary>
    public TimeSpan TaskRetention { get; init; } = StoreOptions.DefaultRetention;

    private string? Live(string key) => _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow() ? entry.Value : null;

    private sealed record Entry(string Value, DateTimeOffset ExpiresAt);
}
