namespace DiagBot.Bot.Slack;

/// <summary>Runs queued Slack jobs in the background, a few at a time.</summary>
internal sealed class SlackJobWorker(SlackJobQueue queue, SlackJobRunner runner, ILogger<SlackJobWorker> logger) : BackgroundService
{
    /// <summary>Each diagnosis already has its own time budget; this bounds how many run against the AWS APIs at once.</summary>
    public const int MaxConcurrentJobs = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrentJobs);
        var running = new List<Task>();
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                running.RemoveAll(task => task.IsCompleted);
                running.Add(RunAsync(job, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(SlackJob job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await runner.RunAsync(job, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Slack job for {Subject} stopped: shutting down", job.Subject);
        }
        finally
        {
            slots.Release();
        }
    }
}
