using DiagBot.Bot.Events;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// Every event passes here once (deduplicated by its id): ECS events are kept in the task archive and classified,
/// Kubernetes Warning events arrive already mapped; failures are grouped under their incident key. The replica that
/// claims a new key queues its one diagnosis and post (the caller returns at once); later events update the post's
/// count and latest evidence, with at most one thread reply per interval.
/// </summary>
internal sealed class IncidentCoordinator(
    IncidentRecords records,
    IncidentDiagnosisQueue diagnoses,
    IPlaybookHint hint,
    IncidentPublisher publisher,
    TaskArchive archive,
    IncidentOptions options,
    TimeProvider clock,
    ILogger<IncidentCoordinator> logger)
{
    private IIncidentStore Store => records.Store;

    public async Task<IntakeResult> HandleAsync(EcsEvent ecsEvent, CancellationToken cancellationToken)
    {
        if (!await Store.TryClaimAsync("event:" + ecsEvent.Id, options.EventDedupeWindow).ConfigureAwait(false))
        {
            return IntakeResult.Duplicate;
        }

        await archive.KeepAsync(ecsEvent).ConfigureAwait(false);
        var classified = EcsEventClassifier.Classify(ecsEvent);
        var result = classified.Meaning switch
        {
            EventMeaning.Failure => await FailAsync(IncidentOccurrence.FromEcs(ecsEvent, classified), cancellationToken).ConfigureAwait(false),
            EventMeaning.Recovery => await RecoverAsync(IncidentKey.ScopeOf(ecsEvent.Account, ecsEvent.Region, classified.Cluster, classified.Service ?? ""), classified.Evidence).ConfigureAwait(false),
            _ => IntakeResult.Ignored,
        };
        await publisher.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>A failure from a source with its own event identity (a Kubernetes event's uid and count).</summary>
    public async Task<IntakeResult> HandleAsync(string eventId, IncidentOccurrence failure, CancellationToken cancellationToken)
    {
        if (!await Store.TryClaimAsync("event:" + eventId, options.EventDedupeWindow).ConfigureAwait(false))
        {
            return IntakeResult.Duplicate;
        }

        var result = await FailAsync(failure, cancellationToken).ConfigureAwait(false);
        await publisher.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Remembers an event as handled without acting on it (old news found at start-up), so a later re-list skips it too.</summary>
    public Task MarkSeenAsync(string eventId) => Store.TryClaimAsync("event:" + eventId, options.EventDedupeWindow);

    private async Task<IntakeResult> FailAsync(IncidentOccurrence failure, CancellationToken cancellationToken)
    {
        var key = failure.KeyFor(hint.PlaybookFor(failure.Evidence));
        var now = clock.GetUtcNow();
        var count = await Store.IncrementAsync(IncidentRecords.Count(key.Value), options.IncidentExpiry).ConfigureAwait(false);

        // The first diagnosis's lease is put down before the claim is taken, never after: a replica that sees the claim
        // taken and no record must find the lease held, or it would take the diagnosis over while the claimer still
        // writes its lease, and the incident would be posted twice. Only a new incident's events do this, so a lease
        // that lapsed under a claim that stands is not renewed by them.
        if (await Store.GetAsync(IncidentRecords.Claim(key.Value)).ConfigureAwait(false) is null)
        {
            await Store.TryClaimAsync(IncidentRecords.FirstDiagnosis(key.Value), options.FirstDiagnosisLease).ConfigureAwait(false);
        }

        if (await Store.TryClaimAsync(IncidentRecords.Claim(key.Value), options.IncidentExpiry).ConfigureAwait(false))
        {
            await Store.AddToSetAsync(IncidentRecords.Open(key.ServiceScope), key.Value, options.IncidentExpiry).ConfigureAwait(false);

            // The thread hears more only after an interval has passed since the post itself.
            await Store.TryClaimAsync(IncidentRecords.Reply(key.Value), options.ThreadReplyInterval).ConfigureAwait(false);
            await Store.SetAsync(IncidentRecords.FirstDiagnosis(key.Value), "queued", options.FirstDiagnosisLease).ConfigureAwait(false);
            return await QueueFirstDiagnosisAsync(key, failure, now, cancellationToken).ConfigureAwait(false);
        }

        if (await records.GetAsync(key.Value).ConfigureAwait(false) is { } record)
        {
            await records.SaveAsync(record with { LastSeen = now, LatestEvidence = failure.Evidence }).ConfigureAwait(false);
        }
        else
        {
            // The first diagnosis is still queued: keep the newest words for the post it will make.
            await Store.SetAsync(IncidentRecords.Latest(key.Value), failure.Evidence, options.IncidentExpiry).ConfigureAwait(false);

            // Its lease lapsed with no record written: the replica that held it is gone, so this one posts it.
            if (await Store.TryClaimAsync(IncidentRecords.FirstDiagnosis(key.Value), options.FirstDiagnosisLease).ConfigureAwait(false))
            {
                logger.LogWarning("Incident {Key}: its first diagnosis was not posted within {Lease}; this replica takes it over", key, options.FirstDiagnosisLease);
                return await QueueFirstDiagnosisAsync(key, failure, now, cancellationToken).ConfigureAwait(false);
            }
        }

        publisher.EnqueueUpdate(key.Value);
        if (await Store.TryClaimAsync(IncidentRecords.Reply(key.Value), options.ThreadReplyInterval).ConfigureAwait(false))
        {
            publisher.EnqueueReply(key.Value, IncidentReply.Failures(count, failure.Evidence));
        }

        return IntakeResult.Grouped;
    }

    private async Task<IntakeResult> QueueFirstDiagnosisAsync(IncidentKey key, IncidentOccurrence failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await diagnoses.EnqueueAsync(new IncidentDiagnosisJob(key, failure, now), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Nobody will diagnose it here: let the redelivery (or another replica) claim it again.
            await Store.RemoveAsync(IncidentRecords.Claim(key.Value)).ConfigureAwait(false);
            await Store.RemoveAsync(IncidentRecords.FirstDiagnosis(key.Value)).ConfigureAwait(false);
            throw;
        }

        return IntakeResult.Posted;
    }

    private async Task<IntakeResult> RecoverAsync(string serviceScope, string evidence)
    {
        // Taken in one atomic step: when recoveries reach several replicas at once, one of them gets the open incidents.
        var open = await Store.TakeSetAsync(IncidentRecords.Open(serviceScope)).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return IntakeResult.Ignored;
        }

        foreach (var key in open)
        {
            var record = await records.GetAsync(key).ConfigureAwait(false);
            if (record is null)
            {
                // Still waiting for its diagnosis: nothing posted yet to say "Recovered" under, so it stays open for the next recovery.
                await Store.AddToSetAsync(IncidentRecords.Open(serviceScope), key, options.IncidentExpiry).ConfigureAwait(false);
                continue;
            }

            if (record.Recovered)
            {
                continue;
            }

            await records.SaveAsync(record with { Recovered = true, LastSeen = clock.GetUtcNow() }).ConfigureAwait(false);
            await Store.RemoveAsync(IncidentRecords.Claim(key)).ConfigureAwait(false);
            publisher.EnqueueReply(key, IncidentReply.Recovery(evidence));
            publisher.EnqueueUpdate(key);
        }

        return IntakeResult.Recovered;
    }
}

/// <summary>What became of one delivered event.</summary>
internal enum IntakeResult
{
    Duplicate,
    Ignored,
    Posted,
    Grouped,
    Recovered,
}
