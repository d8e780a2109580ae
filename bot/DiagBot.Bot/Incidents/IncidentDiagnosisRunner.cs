namespace DiagBot.Bot.Incidents;

/// <summary>Diagnoses a claimed incident once, keeps its record and queues its post. A diagnosis that fails still posts, saying so.</summary>
internal sealed class IncidentDiagnosisRunner(IIncidentDiagnoser diagnoser, IncidentRecords records, IncidentPublisher publisher, IncidentOptions options, TimeProvider clock, ILogger<IncidentDiagnosisRunner> logger)
{
    public async Task RunAsync(IncidentDiagnosisJob job, CancellationToken cancellationToken)
    {
        var lease = IncidentRecords.FirstDiagnosis(job.Key.Value);
        if (await records.GetAsync(job.Key.Value).ConfigureAwait(false) is not null)
        {
            // Another replica took the incident over while this job waited, and posted it.
            return;
        }

        // Renewed as the diagnosis starts, so the time it takes counts from here, not from the queue.
        await records.Store.SetAsync(lease, "running", options.FirstDiagnosisLease).ConfigureAwait(false);
        IncidentDiagnosis diagnosis;
        try
        {
            diagnosis = await diagnoser.DiagnoseAsync(job.First.Subject, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Incident {Key}: the diagnosis failed; posting without it", job.Key);
            diagnosis = new IncidentDiagnosis("Failing " + (job.First.ScopeKind == IncidentOccurrence.WorkloadKind ? "pods" : "tasks"), $"The diagnosis could not run ({exception.GetType().Name}); the evidence below is from the events alone.");
        }

        var now = clock.GetUtcNow();
        var latest = await records.Store.GetAsync(IncidentRecords.Latest(job.Key.Value)).ConfigureAwait(false);
        var record = new IncidentRecord
        {
            Key = job.Key.Value,
            Title = diagnosis.Title,
            Playbook = job.Key.Playbook,
            Service = job.First.Scope,
            ScopeKind = job.First.ScopeKind,
            Cluster = job.First.Cluster,
            FirstSeen = job.At,
            LastSeen = now > job.At ? now : job.At,
            RootCause = diagnosis.RootCause,
            LatestEvidence = latest ?? job.First.Evidence,
        };
        await records.SaveChartsAsync(job.Key.Value, diagnosis.Charts).ConfigureAwait(false);
        await records.SaveAsync(record).ConfigureAwait(false);

        // An event that came while the record was being written kept its words beside it, not in it.
        if (await records.Store.GetAsync(IncidentRecords.Latest(job.Key.Value)).ConfigureAwait(false) is { } newer && newer != record.LatestEvidence)
        {
            await records.SaveAsync(record with { LatestEvidence = newer }).ConfigureAwait(false);
        }

        await records.Store.RemoveAsync(IncidentRecords.Latest(job.Key.Value)).ConfigureAwait(false);
        await records.Store.RemoveAsync(lease).ConfigureAwait(false);

        publisher.EnqueuePost(job.Key.Value);
        await publisher.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
