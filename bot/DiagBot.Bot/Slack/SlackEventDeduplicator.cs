using System.Collections.Concurrent;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Remembers the event ids already handled. Slack retries an event it thinks was not acknowledged (with
/// X-Slack-Retry-Num), and Socket Mode can deliver one twice around a reconnect: each is handled once.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider time)
{
    /// <summary>Slack's retries come within minutes (at once, after a minute, after five); an hour covers them with room.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time an id is seen within the window; false for every repeat.</summary>
    public bool TryMarkFirst(string eventId)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 1000)
        {
            foreach (var (id, seenAt) in _seen)
            {
                if (now - seenAt > Remember)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }

        return _seen.TryAdd(eventId, now) || Refresh(eventId, now);
    }

    private bool Refresh(string eventId, DateTimeOffset now)
    {
        // Seen before: a repeat, unless it was so long ago that the window has closed (or it was just pruned).
        if (!_seen.TryGetValue(eventId, out var seenAt))
        {
            return _seen.TryAdd(eventId, now);
        }

        return now - seenAt > Remember && _seen.TryUpdate(eventId, now, seenAt);
    }
}
