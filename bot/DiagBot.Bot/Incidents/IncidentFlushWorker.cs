namespace DiagBot.Bot.Incidents;

/// <summary>Sends what waited for a channel's rate limit, four times a second on the injected clock.</summary>
internal sealed class IncidentFlushWorker(IncidentPublisher publisher, TimeProvider clock, ILogger<IncidentFlushWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await publisher.FlushAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Incident flush failed; retrying at the next tick");
            }
        }
    }
}
