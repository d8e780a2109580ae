using DiagBot.Bot.Incidents;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Bot.Events;

/// <summary>
/// One reflector-style loop per configured cluster and namespace: list the Warning events, then watch from the list's
/// resourceVersion; after the stream ends, resume from the last resourceVersion seen (bookmarks included); when that
/// has expired (410), list again. Deduplication by event uid and count keeps a re-list from posting twice. At start-up,
/// only events seen lately are news; older ones are marked seen.
/// </summary>
internal sealed class KubernetesWarningWatcher(IKubernetesEventWatch watch, IncidentCoordinator coordinator, TimeProvider clock, ILogger<KubernetesWarningWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan StartupLookback = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(watch.Targets.Select(target => Task.Run(() => WatchAsync(target, stoppingToken), stoppingToken)));

    private async Task WatchAsync(KubeWatchTarget target, CancellationToken stoppingToken)
    {
        var startedAt = clock.GetUtcNow();
        string? version = null;
        var listed = false;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (version is null)
                {
                    var list = await watch.ListWarningsAsync(target, stoppingToken).ConfigureAwait(false);
                    foreach (var warning in list.Items)
                    {
                        await IntakeAsync(target, warning, news: listed || warning.LastTimestamp is not { } last || last >= startedAt - StartupLookback, stoppingToken).ConfigureAwait(false);
                    }

                    version = list.ResourceVersion;
                    listed = true;
                    logger.LogInformation("Watching Warning events in {Target} from resourceVersion {Version}", target, version);
                }

                var changes = 0;
                await foreach (var change in watch.WatchWarningsAsync(target, version, stoppingToken).ConfigureAwait(false))
                {
                    if (change.Event is { } warning && change.Type is KubeWatchChangeType.Added or KubeWatchChangeType.Modified)
                    {
                        await IntakeAsync(target, warning, news: true, stoppingToken).ConfigureAwait(false);
                    }

                    version = change.ResourceVersion.Length > 0 ? change.ResourceVersion : version;
                    changes++;
                    retry = FirstRetry;
                }

                // The server ended the stream (its timeout, a dropped connection): resume at once unless it said nothing.
                if (changes == 0)
                {
                    await PauseAsync(ref retry, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (KubeWatchException exception) when (exception.Expired)
            {
                logger.LogInformation("The watch of {Target} expired ({Reason}); listing again", target, exception.Message);
                version = null;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The watch of {Target} failed, retrying in {Retry}: {Reason}", target, retry, exception.Message);
                await PauseAsync(ref retry, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task IntakeAsync(KubeWatchTarget target, KubeWarningEvent warning, bool news, CancellationToken cancellationToken)
    {
        if (KubernetesEventMapper.Map(target.Cluster, warning) is not { } mapped)
        {
            return;
        }

        if (news)
        {
            await coordinator.HandleAsync(mapped.EventId, mapped.Occurrence, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await coordinator.MarkSeenAsync(mapped.EventId).ConfigureAwait(false);
        }
    }

    private Task PauseAsync(ref TimeSpan retry, CancellationToken cancellationToken)
    {
        var pause = retry;
        retry = retry * 2 > LastRetry ? LastRetry : retry * 2;
        return Task.Delay(pause, clock, cancellationToken);
    }
}
