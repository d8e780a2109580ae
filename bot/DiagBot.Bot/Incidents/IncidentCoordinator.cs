using System.Globalization;
using DiagBot.Bot.Events;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// Every event passes here once (deduplicated by its id): kept in the task archive, classified, grouped
/// under its incident key. The replica that claims a new key diagnoses it once and posts; later events
/// update the post's count and latest evidence, with at most one thread reply per interval.
/// </summary>
internal sealed class IncidentCoordinator(
    IncidentRecords records,
    IIncidentDiagnoser diagnoser,
    IPlaybookHint hint,
    IncidentPublisher publisher,
    TaskArchive archive,
    IncidentOptions options,
    TimeProvider clock)
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
            EventMeaning.Failure => await FailAsync(ecsEvent, classified, cancellationToken).ConfigureAwait(false),
            EventMeaning.Recovery => await RecoverAsync(ecsEvent, classified).ConfigureAwait(false),
            _ => IntakeResult.Ignored,
        };
        await publisher.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<IntakeResult> FailAsync(EcsEvent ecsEvent, ClassifiedEvent failure, CancellationToken cancellationToken)
    {
        var scope = failure.Service ?? ecsEvent.Text("group") ?? "standalone";
        var key = new IncidentKey(ecsEvent.Account, ecsEvent.Region, failure.Cluster, scope, hint.PlaybookFor(failure.Evidence));
        var now = clock.GetUtcNow();
        var count = await Store.IncrementAsync(IncidentRecords.Count(key.Value), options.IncidentExpiry).ConfigureAwait(false);
        if (await Store.TryClaimAsync(IncidentRecords.Claim(key.Value), options.IncidentExpiry).ConfigureAwait(false))
        {
            await RememberOpenAsync(key).ConfigureAwait(false);

            // The thread hears more only after an interval has passed since the post itself.
            await Store.TryClaimAsync(IncidentRecords.Reply(key.Value), options.ThreadReplyInterval).ConfigureAwait(false);
            var diagnosis = await diagnoser.DiagnoseAsync(new IncidentSubject(failure.Cluster, failure.Service, failure.TaskArn), cancellationToken).ConfigureAwait(false);
            await records.SaveAsync(new IncidentRecord
            {
                Key = key.Value,
                Title = diagnosis.Title,
                Playbook = key.Playbook,
                Service = scope,
                Cluster = failure.Cluster,
                FirstSeen = now,
                LastSeen = now,
                RootCause = diagnosis.RootCause,
                LatestEvidence = failure.Evidence,
            }).ConfigureAwait(false);
            publisher.EnqueuePost(key.Value);
            return IntakeResult.Posted;
        }

        if (await records.GetAsync(key.Value).ConfigureAwait(false) is { } record)
        {
            await records.SaveAsync(record with { LastSeen = now, LatestEvidence = failure.Evidence }).ConfigureAwait(false);
        }

        publisher.EnqueueUpdate(key.Value);
        if (await Store.TryClaimAsync(IncidentRecords.Reply(key.Value), options.ThreadReplyInterval).ConfigureAwait(false))
        {
            publisher.EnqueueReply(key.Value, string.Create(CultureInfo.InvariantCulture, $"{count} failures so far. Latest: {failure.Evidence}"));
        }

        return IntakeResult.Grouped;
    }

    private async Task<IntakeResult> RecoverAsync(EcsEvent ecsEvent, ClassifiedEvent recovery)
    {
        var scope = IncidentKey.ScopeOf(ecsEvent.Account, ecsEvent.Region, recovery.Cluster, recovery.Service ?? "");
        var open = await Store.GetAsync(IncidentRecords.Open(scope)).ConfigureAwait(false);
        if (open is null)
        {
            return IntakeResult.Ignored;
        }

        await Store.RemoveAsync(IncidentRecords.Open(scope)).ConfigureAwait(false);
        foreach (var key in open.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (await records.GetAsync(key).ConfigureAwait(false) is not { Recovered: false } record)
            {
                continue;
            }

            await records.SaveAsync(record with { Recovered = true, LastSeen = clock.GetUtcNow() }).ConfigureAwait(false);
            await Store.RemoveAsync(IncidentRecords.Claim(key)).ConfigureAwait(false);
            publisher.EnqueueReply(key, $"Recovered: {recovery.Evidence}.");
            publisher.EnqueueUpdate(key);
        }

        return IntakeResult.Recovered;
    }

    private async Task RememberOpenAsync(IncidentKey key)
    {
        var openKey = IncidentRecords.Open(key.ServiceScope);
        var open = await Store.GetAsync(openKey).ConfigureAwait(false) ?? "";
        await Store.SetAsync(openKey, open + key.Value + "\n", options.IncidentExpiry).ConfigureAwait(false);
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
