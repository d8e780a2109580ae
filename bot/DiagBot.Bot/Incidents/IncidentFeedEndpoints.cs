using DiagBot.Bot.Events;
using DiagBot.Bot.Rendering;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// The web chat's incident feed: GET /webchat/api/feed (newest first) and, in sandbox mode only,
/// POST /webchat/api/incidents/start, which has the sandbox start a burst of failing tasks whose events
/// reach the bot's own intake over a few seconds.
/// </summary>
internal static class IncidentFeedEndpoints
{
    public const string FeedPath = "/webchat/api/feed";
    public const string StartPath = "/webchat/api/incidents/start";
    private const int BurstSize = 20;
    private static readonly TimeSpan BurstSpacing = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapIncidentFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedPath, async (IncidentFeed feed) => Results.Json((await feed.SnapshotAsync().ConfigureAwait(false)).Select(ToJson)));
        app.MapPost(StartPath, Start);
        return app;
    }

    private static IResult Start(IServiceProvider services, IncidentCoordinator coordinator, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<IncidentCoordinator> logger)
    {
        if (services.GetService<SandboxServer>() is not { } sandbox)
        {
            return Results.NotFound();
        }

        var burst = sandbox.StartIncidentBurst(BurstSize);
        _ = DeliverAsync(burst, coordinator, clock, logger, lifetime.ApplicationStopping);
        return Results.Json(new { service = burst.Service, events = burst.Events.Count }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task DeliverAsync(SandboxIncidentBurst burst, IncidentCoordinator coordinator, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var document in burst.Events)
            {
                if (EcsEvent.TryParse(document) is { } ecsEvent)
                {
                    await coordinator.HandleAsync(ecsEvent, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(BurstSpacing, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The sandbox incident burst of {Service} stopped early", burst.Service);
        }
        catch (OperationCanceledException)
        {
            // The bot is stopping.
        }
    }

    internal static object ToJson(FeedEntry entry)
    {
        var record = entry.View.Record;
        return new
        {
            incidentKey = record.Key,
            title = OutgoingText.Plain(record.Title),
            playbook = record.Playbook,
            status = record.Recovered ? "recovered" : "open",
            service = OutgoingText.Plain(record.Service),
            scopeKind = record.ScopeKind,
            cluster = OutgoingText.Plain(record.Cluster),
            count = entry.View.Count,
            firstSeen = record.FirstSeen,
            lastSeen = record.LastSeen,
            recovered = record.Recovered,
            rootCause = OutgoingText.Plain(record.RootCause),
            latest = OutgoingText.Plain(record.LatestEvidence),
            thread = entry.Thread.Select(line => new { at = line.At, text = OutgoingText.Plain(line.Text) }),
        };
    }
}
