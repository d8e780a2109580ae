namespace DiagBot.Bot.Store;

/// <summary>The lists and sets of the in-memory store, each with its expiry on the injected clock; callers hold the store's lock.</summary>
internal sealed class InMemoryCollections(TimeProvider clock)
{
    private readonly Dictionary<string, (List<string> Values, DateTimeOffset ExpiresAt)> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HashSet<string> Members, DateTimeOffset ExpiresAt)> _sets = new(StringComparer.Ordinal);

    public void Append(string key, string value, int keepLast, TimeSpan expiry)
    {
        var values = LiveList(key) ?? [];
        values.Add(value);
        if (values.Count > keepLast)
        {
            values.RemoveRange(0, values.Count - keepLast);
        }

        _lists[key] = (values, clock.GetUtcNow() + expiry);
    }

    public IReadOnlyList<string> List(string key) => [.. LiveList(key) ?? []];

    public void AddToSet(string key, string member, TimeSpan expiry)
    {
        var members = LiveSet(key) ?? new HashSet<string>(StringComparer.Ordinal);
        members.Add(member);
        _sets[key] = (members, clock.GetUtcNow() + expiry);
    }

    public IReadOnlyList<string> TakeSet(string key)
    {
        var members = LiveSet(key);
        _sets.Remove(key);
        return [.. members ?? []];
    }

    public int Count => _lists.Count + _sets.Count;

    /// <summary>Drops every list and set whose expiry has passed.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var key in _lists.Where(l => l.Value.ExpiresAt <= now).Select(l => l.Key).ToList())
        {
            _lists.Remove(key);
        }

        foreach (var key in _sets.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
        {
            _sets.Remove(key);
        }
    }

    private List<string>? LiveList(string key) => _lists.TryGetValue(key, out var list) && list.ExpiresAt > clock.GetUtcNow() ? list.Values : null;

    private HashSet<string>? LiveSet(string key) => _sets.TryGetValue(key, out var set) && set.ExpiresAt > clock.GetUtcNow() ? set.Members : null;
}
