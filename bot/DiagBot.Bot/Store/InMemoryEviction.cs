namespace DiagBot.Bot.Store;

/// <summary>
/// Keeps the in-memory store's keys bounded: each insertion is queued in order, and past the cap the oldest are
/// dropped first (an overwritten key's earlier place is skipped). The queue is rebuilt at each sweep, so it never
/// holds more than the keys it orders plus what changed since.
/// </summary>
internal sealed class InMemoryEviction<TKey>
    where TKey : notnull
{
    private Queue<(TKey Key, long Stamp)> _order = new();
    private long _stamp;

    public long Next() => ++_stamp;

    public void Inserted(TKey key, long stamp) => _order.Enqueue((key, stamp));

    /// <summary>Removes the oldest keys while there are more than <paramref name="cap"/>; <paramref name="isCurrent"/> says whether a queued place is still the key's.</summary>
    public void Trim(int count, int cap, Func<TKey, long, bool> isCurrent, Action<TKey> remove)
    {
        while (count > cap && _order.TryDequeue(out var oldest))
        {
            if (isCurrent(oldest.Key, oldest.Stamp))
            {
                remove(oldest.Key);
                count--;
            }
        }
    }

    public void Rebuild(Func<TKey, long, bool> isCurrent) => _order = new Queue<(TKey, long)>(_order.Where(o => isCurrent(o.Key, o.Stamp)));
}
