using System.Text.Json;
using DiagBot.Bot.Charts;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// The web chat's incident channel (GET /webchat/api/feed), kept in the shared store so every replica shows the same
/// feed: a post appends the incident's key to the feed's list, a thread reply to the incident's thread list; the
/// feed is read back with each incident's current record and count, newest first. No rate limit of its own.
/// </summary>
internal sealed class IncidentFeed(IncidentRecords records, IncidentOptions options, TimeProvider clock) : IIncidentChannel
{
    private const int Unlimited = 1_000_000;
    private const string Index = "feed";
    private const int KeptIncidents = 200;
    private const int KeptThreadLines = 100;

    public string Name => "webfeed";

    public int MessagesPerSecond => Unlimited;

    public async Task<IReadOnlyList<FeedEntry>> SnapshotAsync()
    {
        var entries = new List<FeedEntry>();
        foreach (var key in (await records.Store.ListAsync(Index).ConfigureAwait(false)).Distinct(StringComparer.Ordinal))
        {
            if (await records.ViewAsync(key).ConfigureAwait(false) is not { } view)
            {
                continue;
            }

            var thread = (await records.Store.ListAsync(Thread(key)).ConfigureAwait(false))
                .Select(line => JsonSerializer.Deserialize<FeedLine>(line))
                .OfType<FeedLine>()
                .ToList();
            var charts = await records.Store.GetAsync(Charts(key)).ConfigureAwait(false) is { } json
                ? JsonSerializer.Deserialize<List<FeedChart>>(json) ?? []
                : [];
            entries.Add(new FeedEntry(view, thread, charts));
        }

        return [.. entries.OrderByDescending(entry => entry.View.Record.LastSeen).ThenByDescending(entry => entry.View.Record.FirstSeen)];
    }

    public async Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        // The feed is polled every two seconds: it lists each chart's words, and the page fetches the picture once by URL.
        var charts = ChartImages.Of(view.Record.Playbook, view.Charts).Select(item => new FeedChart(item.Index, item.Chart.Kind, item.AltText));
        await records.Store.SetAsync(Charts(view.Record.Key), JsonSerializer.Serialize(charts), options.IncidentExpiry).ConfigureAwait(false);
        await records.Store.AppendAsync(Index, view.Record.Key, KeptIncidents, options.IncidentExpiry).ConfigureAwait(false);
        return view.Record.Key;
    }

    /// <summary>The feed shows each incident's record as it is when read: an update has nothing to send.</summary>
    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken) =>
        records.Store.AppendAsync(Thread(messageId), JsonSerializer.Serialize(new FeedLine(clock.GetUtcNow(), OutgoingText.Plain(reply.PlainText))), KeptThreadLines, options.IncidentExpiry);

    private static string Thread(string key) => "feed-thread:" + key;

    private static string Charts(string key) => "feed-charts:" + key;
}

internal sealed record FeedEntry(IncidentView View, IReadOnlyList<FeedLine> Thread, IReadOnlyList<FeedChart> Charts);

/// <summary>A chart of an incident's first diagnosis as the feed lists it: its place among the charts, its kind and words.</summary>
internal sealed record FeedChart(int Index, string Kind, string Alt);

internal sealed record FeedLine(DateTimeOffset At, string Text);
