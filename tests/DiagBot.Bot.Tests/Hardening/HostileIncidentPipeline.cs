using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>The real coordinator, publisher and the three real channels over capturing posters; the diagnosis quotes the hostile text.</summary>
internal sealed class HostileIncidentPipeline
{
    private readonly IncidentFeed _feed;
    private readonly IncidentPublisher _publisher;
    private readonly IncidentDiagnosisQueue _queue = new();
    private readonly IncidentDiagnosisRunner _runner;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public HostileIncidentPipeline(string hostile)
    {
        var store = new InMemoryIncidentStore(_clock);
        var options = new IncidentOptions();
        var records = new IncidentRecords(store, options);
        _feed = new IncidentFeed(records, options, _clock);
        var channels = new IncidentChannels(
            [_feed, new SlackIncidentChannel(Slack, "C0INCIDENTS", 100), new TeamsIncidentChannel(Teams, "19:incidents@thread.tacv2", 100)]);
        _publisher = new IncidentPublisher(channels, records, new ChannelRateLimiter(store, _clock), options, _clock, NullLogger<IncidentPublisher>.Instance);
        var diagnoser = new QuotingDiagnoser("Crash loop", "The last log line was: \"" + hostile + "\"");
        _runner = new IncidentDiagnosisRunner(diagnoser, records, _publisher, options, _clock, NullLogger<IncidentDiagnosisRunner>.Instance);
        var archive = new TaskArchive(store, new StoreOptions(null, StoreOptions.DefaultRetention), _clock);
        Coordinator = new IncidentCoordinator(
            records, _queue, new CrashLoopHint(), _publisher, archive, options, _clock, NullLogger<IncidentCoordinator>.Instance);
    }

    public IncidentCoordinator Coordinator { get; }

    public CapturingSlack Slack { get; } = new();

    public CapturingTeams Teams { get; } = new();

    /// <summary>Sends what is queued, then lets the thread-reply interval pass, so the next event may reply.</summary>
    public async Task NextReplyIntervalAsync()
    {
        await DrainAsync();
        _clock.Advance(new IncidentOptions().ThreadReplyInterval + TimeSpan.FromSeconds(1));
    }

    public async Task DrainAsync()
    {
        while (_queue.TryDequeue(out var job))
        {
            await _runner.RunAsync(job, CancellationToken.None);
        }

        for (var step = 0; step < 400 && _publisher.Pending > 0; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await _publisher.FlushAsync(CancellationToken.None);
        }
    }

    public void AssertEverySurfaceSafe(int expectedReplies)
    {
        Assert.Equal(expectedReplies, Slack.Replies);
        Assert.NotEmpty(Slack.Texts);
        Assert.All(Slack.Texts, text => Assert.All(
            HostileOutgoing.ForbiddenInSlack, forbidden => Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal)));

        Assert.NotEmpty(Teams.Cards);
        Assert.All(Teams.Cards, card => Assert.All(
            HostileOutgoing.ForbiddenInTeams, forbidden => Assert.DoesNotContain(forbidden, card, StringComparison.Ordinal)));
        Assert.Contains(Teams.Cards, card => card.Contains("\U0001F6A8", StringComparison.Ordinal));
        // The chart travels on every card (an update replaces it whole), as a picture or, past Teams' size, as its words.
        Assert.All(Teams.Cards, card => Assert.Matches(@"data:image/png;base64,|Chart \(too large for a Teams card", card));
        Assert.All(Teams.FallbackTexts, text => Assert.DoesNotMatch(@"(?<!\\)[<>\[\]*_`]", text));

        // The feed's JSON is read by the page with textContent: HTML characters come escaped, secrets and controls not at all.
        var feed = JsonSerializer.Serialize(_feed.SnapshotAsync().GetAwaiter().GetResult().Select(IncidentFeedEndpoints.ToJson));
        var feedTexts = string.Join('\n', JsonStrings.All(JsonNode.Parse(feed)));
        Assert.Contains("Crash loop", feedTexts, StringComparison.Ordinal);
        Assert.Contains("Chart: The last log line was", feedTexts, StringComparison.Ordinal);
        Assert.All(HostileOutgoing.ForbiddenInTeams, forbidden => Assert.DoesNotContain(forbidden, feedTexts, StringComparison.Ordinal));
        Assert.DoesNotContain("<", feed, StringComparison.Ordinal);
    }
}
