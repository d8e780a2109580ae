namespace DiagBot.Bot.Incidents;

/// <summary>One channel's waiting work, in sending order (posts, replies, updates), and until when the channel asked to be left alone.</summary>
internal sealed class ChannelOutbox(IIncidentChannel channel)
{
    private readonly List<OutboxWork> _pending = [];
    private readonly Lock _gate = new();

    public IIncidentChannel Channel => channel;

    public SemaphoreSlim Flushing { get; } = new(1, 1);

    public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Add(string key, OutboxKind kind, IncidentReply? reply)
    {
        lock (_gate)
        {
            var coalesced = kind == OutboxKind.Update && _pending.Any(work => work.Key == key && work.Kind is OutboxKind.Update or OutboxKind.Post);
            if (!coalesced)
            {
                _pending.Add(new OutboxWork(key, kind, reply));
            }
        }
    }

    public List<OutboxWork> Snapshot()
    {
        lock (_gate)
        {
            return [.. _pending.OrderBy(work => work.Kind)];
        }
    }

    public void Remove(OutboxWork work)
    {
        lock (_gate)
        {
            _pending.Remove(work);
        }
    }
}

internal enum OutboxKind
{
    Post,
    Reply,
    Update,
}

internal sealed record OutboxWork(string Key, OutboxKind Kind, IncidentReply? Reply)
{
    public int Attempts { get; set; }
}

/// <summary>A channel answered 429: its outbox waits <see cref="RetryAfter"/> before sending again.</summary>
internal sealed class ChannelRateLimitedException(string channel, TimeSpan retryAfter) : Exception($"{channel} is rate-limited for {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
