namespace DiagBot.Bot.Teams;

/// <summary>Answers queued turns a few at a time; one turn's failure is logged and the others go on.</summary>
internal sealed class TeamsTurnWorker(TeamsTurnQueue queue, TeamsTurnHandler handler, ILogger<TeamsTurnWorker> logger) : BackgroundService
{
    private const int MaxConcurrentTurns = 4;

    // Not disposed: turns still finishing at shutdown release their slot after the worker is gone.
    private readonly SemaphoreSlim _slots = new(MaxConcurrentTurns);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var turn in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
            _ = RunAsync(turn, stoppingToken);
        }
    }

    private async Task RunAsync(TeamsTurn turn, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(turn, stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A turn that fails is logged; the worker must keep answering the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Teams turn {Kind} in conversation {Conversation} failed", turn.Kind, turn.Activity.Conversation?.Id);
        }
        finally
        {
            _slots.Release();
        }
    }
}
