namespace DiagBot.Bot.Incidents;

/// <summary>
/// The outbox between incidents and channels. Work waits here until its channel's rate limit allows it:
/// posts first, then thread replies, then updates, which are coalesced (an update reads the newest count
/// when it is sent, so one update stands for all the events before it).
/// </summary>
internal sealed class IncidentPublisher(IncidentChannels channels, IncidentRecords records, ChannelRateLimiter limiter, IncidentOptions options, ILogger<IncidentPublisher> logger)
{
    private const int MaxAttempts = 5;
    private readonly IReadOnlyList<IIncidentChannel> _channels = channels.All;
    private readonly List<Work> _pending = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void EnqueuePost(string key) => Enqueue(key, WorkKind.Post, null);

    public void EnqueueUpdate(string key) => Enqueue(key, WorkKind.Update, null);

    public void EnqueueReply(string key, IncidentReply reply) => Enqueue(key, WorkKind.Reply, reply);

    /// <summary>Sends what the channels' limits allow now; the rest waits for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!await _flushing.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            List<Work> snapshot;
            lock (_gate)
            {
                snapshot = [.. _pending.OrderBy(work => work.Kind)];
            }

            var limited = new HashSet<IIncidentChannel>();
            foreach (var work in snapshot)
            {
                if (!limited.Contains(work.Channel) && await TrySendAsync(work, limited, cancellationToken).ConfigureAwait(false))
                {
                    lock (_gate)
                    {
                        _pending.Remove(work);
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private void Enqueue(string key, WorkKind kind, IncidentReply? reply)
    {
        lock (_gate)
        {
            foreach (var channel in _channels)
            {
                var coalesced = kind == WorkKind.Update && _pending.Any(w => w.Key == key && w.Channel == channel && w.Kind is WorkKind.Update or WorkKind.Post);
                if (!coalesced)
                {
                    _pending.Add(new Work(key, channel, kind, reply));
                }
            }
        }
    }

    /// <summary>True when the work is done with (sent, or given up); false to keep it for the next flush.</summary>
    private async Task<bool> TrySendAsync(Work work, HashSet<IIncidentChannel> limited, CancellationToken cancellationToken)
    {
        var messageKey = IncidentRecords.Message(work.Key, work.Channel);
        var messageId = await records.Store.GetAsync(messageKey).ConfigureAwait(false);
        if (work.Kind != WorkKind.Post && messageId is null)
        {
            return false; // the post is still on its way, perhaps from another replica
        }

        if (await records.ViewAsync(work.Key).ConfigureAwait(false) is not { } view)
        {
            return true;
        }

        if (!await limiter.TryAcquireAsync(work.Channel).ConfigureAwait(false))
        {
            limited.Add(work.Channel);
            return false;
        }

        try
        {
            switch (work.Kind)
            {
                case WorkKind.Post:
                    var id = await work.Channel.PostAsync(view, cancellationToken).ConfigureAwait(false);
                    await records.Store.SetAsync(messageKey, id, options.IncidentExpiry).ConfigureAwait(false);
                    break;
                case WorkKind.Reply:
                    await work.Channel.ReplyAsync(messageId!, view, work.Reply!, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await work.Channel.UpdateAsync(messageId!, view, cancellationToken).ConfigureAwait(false);
                    break;
            }

            Telemetry.BotTelemetry.RecordIncidentMessage(work.Channel.Name, work.Kind.ToString().ToLowerInvariant());
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Incident {Key}: {Kind} to {Channel} failed (attempt {Attempt})", work.Key, work.Kind, work.Channel.Name, work.Attempts + 1);
            return ++work.Attempts >= MaxAttempts;
        }
    }

    private enum WorkKind
    {
        Post,
        Reply,
        Update,
    }

    private sealed record Work(string Key, IIncidentChannel Channel, WorkKind Kind, IncidentReply? Reply)
    {
        public int Attempts { get; set; }
    }
}
