namespace DiagBot.Bot.Incidents;

/// <summary>Runs the queued diagnoses, a few at a time, for as long as the bot runs.</summary>
internal sealed class IncidentDiagnosisWorker(IncidentDiagnosisQueue queue, IncidentDiagnosisRunner runner, ILogger<IncidentDiagnosisWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken }, async (job, token) =>
            {
                try
                {
                    await runner.RunAsync(job, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Incident {Key} could not be recorded", job.Key);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bot is stopping.
        }
    }
}
