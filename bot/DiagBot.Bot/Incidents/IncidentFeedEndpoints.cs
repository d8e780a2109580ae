using System.Globalization;
using DiagBot.Bot.Charts;
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

    /// <summary>One chart of an incident's first diagnosis as a PNG: `?incident=KEY&amp;n=INDEX` (the feed lists the URLs).</summary>
    public const string ChartPath = "/webchat/api/feed/chart";
    private const int BurstSize = 20;
    private static readonly TimeSpan BurstSpacing = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapIncidentFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedPath, async (IncidentFeed feed) => Results.Json((await feed.SnapshotAsync().ConfigureAwait(false)).Select(ToJson)));
        app.MapGet(ChartPath, ChartAsync);
        app.MapPost(StartPath, Start);
        return app;
    }

    // The PNG is drawn from the kept charts, cleaned like every text; "v" (the incident's first-seen time) only keeps a
    // browser from showing a recovered incident's old picture for a new incident under the same key.
    private static async Task<IResult> ChartAsync(string incident, int n, IncidentRecords records, HttpContext context)
    {
        var charts = await records.ChartsAsync(incident).ConfigureAwait(false);
        if (n < 0 || n >= charts.Count || ChartImages.Of("", [charts[n]]) is not [var item])
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=300";
        return Results.File(ChartPainter.Png(item.Chart, ChartSize.Full), "image/png");
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

    private static string ChartUrl(IncidentRecord record, int index) => string.Create(CultureInfo.InvariantCulture,
        $"{ChartPath}?incident={Uri.EscapeDataString(record.Key)}&n={index}&v={record.FirstSeen.ToUnixTimeSeconds()}");

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
            charts = entry.Charts.Select(chart => new { kind = chart.Kind, alt = OutgoingText.Plain(chart.Alt), image = ChartUrl(record, chart.Index) }),
        };
    }
}
