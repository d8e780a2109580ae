namespace DiagBot.Bot.Incidents;

/// <summary>
/// The outboxes between incidents and channels, one per channel, flushed side by side: a channel that is slow or
/// rate-limited delays only its own messages. Work waits until its channel's rate limit allows it: posts first,
/// then thread replies, then updates, which are coalesced (an update reads the newest count when it is sent, so one
/// update stands for all the events before it). A channel that answers 429 is left alone until its Retry-After has
/// passed on the injected clock; nothing sleeps.
/// </summary>
internal sealed class IncidentPublisher(IncidentChannels channels, IncidentRecords records, ChannelRateLimiter limiter, IncidentOptions options, TimeProvider clock, ILogger<IncidentPublisher> logger)
{
    private const int MaxAttempts = 5;
    private readonly IReadOnlyList<ChannelOutbox> _outboxes = [.. channels.All.Select(channel => new ChannelOutbox(channel))];

    public int Pending => _outboxes.Sum(outbox => outbox.Count);

    public void EnqueuePost(string key) => Enqueue(key, OutboxKind.Post, null);

    public void EnqueueUpdate(string key) => Enqueue(key, OutboxKind.Update, null);

    public void EnqueueReply(string key, IncidentReply reply) => Enqueue(key, OutboxKind.Reply, reply);

    /// <summary>Sends what the channels' limits allow now, every channel at once; the rest waits for the next flush.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_outboxes.Select(outbox => FlushAsync(outbox, cancellationToken)));

    private void Enqueue(string key, OutboxKind kind, IncidentReply? reply)
    {
        foreach (var outbox in _outboxes)
        {
            outbox.Add(key, kind, reply);
        }
    }

    private async Task FlushAsync(ChannelOutbox outbox, CancellationToken cancellationToken)
    {
        if (outbox.NotBefore > clock.GetUtcNow() || !await outbox.Flushing.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            foreach (var work in outbox.Snapshot())
            {
                var sent = await TrySendAsync(outbox, work, cancellationToken).ConfigureAwait(false);
                if (sent is null)
                {
                    return; // the channel's limit is reached, or it asked to wait: the rest stays for a later flush
                }

                if (sent.Value)
                {
                    outbox.Remove(work);
                }
            }
        }
        finally
        {
            outbox.Flushing.Release();
        }
    }

    /// <summary>True when the work is done with (sent, or given up); false to keep it; null when the channel must wait.</summary>
    private async Task<bool?> TrySendAsync(ChannelOutbox outbox, OutboxWork work, CancellationToken cancellationToken)
    {
        var channel = outbox.Channel;
        var messageKey = IncidentRecords.Message(work.Key, channel);
        var messageId = await records.Store.GetAsync(messageKey).ConfigureAwait(false);
        if (work.Kind != OutboxKind.Post && messageId is null)
        {
            return false; // the post is still on its way, perhaps from another replica
        }

        // The charts go with every message: a Teams update replaces the whole card, picture included.
        if (await records.ViewAsync(work.Key, withCharts: true).ConfigureAwait(false) is not { } view)
        {
            return true;
        }

        if (!await limiter.TryAcquireAsync(channel).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            switch (work.Kind)
            {
                case OutboxKind.Post:
                    var id = await channel.PostAsync(view, cancellationToken).ConfigureAwait(false);
                    await records.Store.SetAsync(messageKey, id, options.IncidentExpiry).ConfigureAwait(false);
                    break;
                case OutboxKind.Reply:
                    await channel.ReplyAsync(messageId!, view, work.Reply!, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await channel.UpdateAsync(messageId!, view, cancellationToken).ConfigureAwait(false);
                    break;
            }

            Telemetry.BotTelemetry.RecordIncidentMessage(channel.Name, work.Kind.ToString().ToLowerInvariant());
            return true;
        }
        catch (ChannelRateLimitedException limited)
        {
            outbox.NotBefore = clock.GetUtcNow() + limited.RetryAfter;
            logger.LogWarning("Incident {Key}: {Channel} asked to wait {Seconds} s; its outbox waits, the other channels go on", work.Key, channel.Name, limited.RetryAfter.TotalSeconds);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Incident {Key}: {Kind} to {Channel} failed (attempt {Attempt})", work.Key, work.Kind, channel.Name, work.Attempts + 1);
            return ++work.Attempts >= MaxAttempts;
        }
    }
}
