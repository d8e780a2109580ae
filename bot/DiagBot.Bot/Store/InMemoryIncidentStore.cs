using System.Collections.Concurrent;

namespace DiagBot.Bot.Store;

/// <summary>
/// The embedded default: one process, expiry read from the injected clock. Nothing stays past its expiry (a sweep
/// each <see cref="SweepInterval"/> of the clock removes it), and the keys and kept tasks are capped (oldest out first),
/// so a long event stream cannot grow the process without bound (issue 16: 140,000 events held ~200 MB for good).
/// </summary>
internal sealed class InMemoryIncidentStore(TimeProvider clock) : IIncidentStore
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ArchivedTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly InMemoryCollections _collections = new(clock);
    private readonly InMemoryEviction<string> _entryOrder = new();
    private readonly InMemoryEviction<string> _taskOrder = new();
    private DateTimeOffset _nextSweep = clock.GetUtcNow() + SweepInterval;

    /// <summary>At most this many keys (event dedupe marks, counts, claims, records); set from StoreOptions.</summary>
    public int MaxEntries { get; init; } = StoreOptions.DefaultMaxEntries;

    /// <summary>At most this many kept tasks; set from StoreOptions.</summary>
    public int MaxTasks { get; init; } = StoreOptions.DefaultMaxArchivedTasks;

    /// <summary>Everything the store holds now: keys, lists, sets and kept tasks (what the soak counts).</summary>
    public int EntryCount
    {
        get
        {
            lock (_gate)
            {
                Sweep();
                return _entries.Count + _tasks.Count + _collections.Count;
            }
        }
    }

    public Task<bool> TryClaimAsync(string key, TimeSpan expiry)
    {
        lock (_gate)
        {
            if (Live(key) is not null)
            {
                return Task.FromResult(false);
            }

            Put(key, "1", expiry);
            return Task.FromResult(true);
        }
    }

    public Task<long> IncrementAsync(string key, TimeSpan expiry)
    {
        lock (_gate)
        {
            var value = long.Parse(Live(key) ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 1;
            Put(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), expiry);
            return Task.FromResult(value);
        }
    }

    public Task SetAsync(string key, string value, TimeSpan expiry)
    {
        lock (_gate)
        {
            Put(key, value, expiry);
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string key) => Task.FromResult(Live(key));

    public Task RemoveAsync(string key)
    {
        lock (_gate)
        {
            _entries.TryRemove(key, out _);
        }

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
            _taskOrder.Inserted(task.TaskId, task.ReceivedAt.UtcTicks);
            _taskOrder.Trim(_tasks.Count, MaxTasks, IsCurrentTask, id => _tasks.TryRemove(id, out _));
            SweepWhenDue();
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

    private void Put(string key, string value, TimeSpan expiry)
    {
        var stamp = _entryOrder.Next();
        _entries[key] = new Entry(value, clock.GetUtcNow() + expiry, stamp);
        _entryOrder.Inserted(key, stamp);
        _entryOrder.Trim(_entries.Count, MaxEntries, IsCurrentEntry, k => _entries.TryRemove(k, out _));
        SweepWhenDue();
    }

    private void SweepWhenDue()
    {
        if (clock.GetUtcNow() >= _nextSweep)
        {
            Sweep();
        }
    }

    // Under the lock: drops what expired, then forgets the queued places of what is gone.
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        foreach (var (id, task) in _tasks)
        {
            if (task.ReceivedAt + TaskRetention <= now)
            {
                _tasks.TryRemove(id, out _);
            }
        }

        _collections.Sweep();
        _entryOrder.Rebuild(IsCurrentEntry);
        _taskOrder.Rebuild(IsCurrentTask);
        _nextSweep = now + SweepInterval;
    }

    private bool IsCurrentEntry(string key, long stamp) => _entries.TryGetValue(key, out var entry) && entry.Stamp == stamp;

    private bool IsCurrentTask(string id, long stamp) => _tasks.TryGetValue(id, out var task) && task.ReceivedAt.UtcTicks == stamp;

    private string? Live(string key) => _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow() ? entry.Value : null;

    private sealed record Entry(string Value, DateTimeOffset ExpiresAt, long Stamp);
}
