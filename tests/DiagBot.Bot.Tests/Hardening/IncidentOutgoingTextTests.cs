using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Events;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Store;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Events;
using DiagBot.Diagnostics.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// Hostile text in an event (EventBridge's stoppedReason and container reason, an SNS-wrapped event, a Kubernetes
/// Warning's message) and in the diagnosis (the crash loop's quoted last log line) reaches the Slack post, its thread
/// replies and updates, the Teams card and the feed only redacted and escaped.
/// </summary>
public sealed class IncidentOutgoingTextTests
{
    public static TheoryData<int> Hostile => [.. Enumerable.Range(0, HostileOutgoing.Texts.Count)];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task EventBridge_HostileStoppedReasonAndContainerReason_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new Pipeline(HostileOutgoing.Texts[index]);

        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e1", HostileOutgoing.Texts[index]))!, CancellationToken.None);
        await sut.NextReplyIntervalAsync();
        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e2", HostileOutgoing.Texts[index]))!, CancellationToken.None);
        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Sns_HostileEventInTheEnvelope_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new Pipeline(HostileOutgoing.Texts[index]);

        foreach (var id in new[] { "s1", "s2" })
        {
            var envelope = JsonSerializer.Serialize(new { Type = "Notification", MessageId = id, Message = HostileEcsEvent(id, HostileOutgoing.Texts[index]) });
            var message = SnsMessage.TryParse(envelope)!;
            await sut.Coordinator.HandleAsync(EcsEvent.TryParse(message.Field("Message")!)!, CancellationToken.None);
            await sut.NextReplyIntervalAsync();
        }

        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task KubernetesWatch_HostileWarningMessage_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new Pipeline(HostileOutgoing.Texts[index]);

        for (var count = 1; count <= 2; count++)
        {
            var warning = new KubeWarningEvent
            {
                Uid = "uid-1", ResourceVersion = count.ToString(System.Globalization.CultureInfo.InvariantCulture), Namespace = "orders", Name = "web.1",
                Reason = "Unhealthy", Message = "Liveness probe failed: " + HostileOutgoing.Texts[index], Count = count, InvolvedKind = "Pod", InvolvedName = "web-7d9f8b6c5d-x2x9z",
            };
            var (id, occurrence) = KubernetesEventMapper.Map("prod-eks", warning)!.Value;
            await sut.Coordinator.HandleAsync(id, occurrence, CancellationToken.None);
            await sut.NextReplyIntervalAsync();
        }

        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Fact]
    public async Task Recovery_AfterHostileIncident_RepliesAndUpdatesSafely()
    {
        var sut = new Pipeline(HostileOutgoing.All);
        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e1", HostileOutgoing.All))!, CancellationToken.None);
        await sut.DrainAsync();

        var steady = JsonNode.Parse(EventFixtures.Json(EventFixtures.SteadyState))!.AsObject();
        steady["resources"] = new JsonArray("arn:aws:ecs:us-west-2:111122223333:service/FargateCluster/web");
        steady["detail"]!["clusterArn"] = "arn:aws:ecs:us-west-2:111122223333:cluster/FargateCluster";
        await sut.Coordinator.HandleAsync(EcsEvent.From(steady)!, CancellationToken.None);
        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
        Assert.Contains(sut.Slack.Texts, text => text.StartsWith(":white_check_mark:", StringComparison.Ordinal));
        Assert.Contains(sut.Teams.Cards, card => card.Contains("\u2705", StringComparison.Ordinal));
    }

    private static string HostileEcsEvent(string id, string hostile)
    {
        var root = JsonNode.Parse(EventFixtures.Json(EventFixtures.TaskFailed))!.AsObject();
        root["id"] = id;
        var detail = root["detail"]!.AsObject();
        detail["stoppedReason"] = "Essential container in task exited: " + hostile;
        detail["containers"]![1]!["reason"] = hostile;
        return root.ToJsonString();
    }

    /// <summary>The real coordinator, publisher and the three real channels over capturing posters; the diagnosis quotes the hostile text.</summary>
    private sealed class Pipeline
    {
        private readonly IncidentFeed _feed;
        private readonly IncidentPublisher _publisher;
        private readonly IncidentDiagnosisQueue _queue = new();
        private readonly IncidentDiagnosisRunner _runner;
        private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        public Pipeline(string hostile)
        {
            var store = new InMemoryIncidentStore(_clock);
            var options = new IncidentOptions();
            var records = new IncidentRecords(store, options);
            _feed = new IncidentFeed(records, options, _clock);
            var channels = new IncidentChannels([_feed, new SlackIncidentChannel(Slack, "C0INCIDENTS", 100), new TeamsIncidentChannel(Teams, "19:incidents@thread.tacv2", 100)]);
            _publisher = new IncidentPublisher(channels, records, new ChannelRateLimiter(store, _clock), options, _clock, NullLogger<IncidentPublisher>.Instance);
            var diagnoser = new QuotingDiagnoser("Crash loop", "The last log line was: \"" + hostile + "\"");
            _runner = new IncidentDiagnosisRunner(diagnoser, records, _publisher, options, _clock, NullLogger<IncidentDiagnosisRunner>.Instance);
            var archive = new TaskArchive(store, new StoreOptions(null, StoreOptions.DefaultRetention), _clock);
            Coordinator = new IncidentCoordinator(records, _queue, new CrashLoopHint(), _publisher, archive, options, _clock, NullLogger<IncidentCoordinator>.Instance);
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
            Assert.All(Slack.Texts, text => Assert.All(HostileOutgoing.ForbiddenInSlack, forbidden => Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal)));

            Assert.NotEmpty(Teams.Cards);
            Assert.All(Teams.Cards, card => Assert.All(HostileOutgoing.ForbiddenInTeams, forbidden => Assert.DoesNotContain(forbidden, card, StringComparison.Ordinal)));
            Assert.Contains(Teams.Cards, card => card.Contains("\U0001F6A8", StringComparison.Ordinal));
            // The chart travels on every card (an update replaces it whole), as a picture or, past Teams' size, as its words.
            Assert.All(Teams.Cards, card => Assert.Matches(@"data:image/png;base64,|Chart \(too large for a Teams card", card));
            Assert.All(Teams.FallbackTexts, text => Assert.DoesNotMatch(@"(?<!\\)[<>\[\]*_`]", text));

            // The feed's JSON is read by the page with textContent: HTML characters come escaped, secrets and controls not at all.
            var feed = JsonSerializer.Serialize(_feed.SnapshotAsync().GetAwaiter().GetResult().Select(IncidentFeedEndpoints.ToJson));
            var feedTexts = string.Join('\n', Strings(JsonNode.Parse(feed)));
            Assert.Contains("Crash loop", feedTexts, StringComparison.Ordinal);
            Assert.Contains("Chart: The last log line was", feedTexts, StringComparison.Ordinal);
            Assert.All(HostileOutgoing.ForbiddenInTeams, forbidden => Assert.DoesNotContain(forbidden, feedTexts, StringComparison.Ordinal));
            Assert.DoesNotContain("<", feed, StringComparison.Ordinal);
        }
    }

    internal static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject json => json.SelectMany(property => Strings(property.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    internal sealed class CapturingSlack : ISlackChannelPoster
    {
        private int _next;

        public ConcurrentQueue<string> Texts { get; } = new();

        public int Replies { get; private set; }

        public Task<SlackPostedMessage> PostAsync(string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(string.Join('\n', Strings(message.ToJson())));
            Replies += threadTs is null ? 0 : 1;
            return Task.FromResult(new SlackPostedMessage(channel, "1700000000.00000" + Interlocked.Increment(ref _next)));
        }

        public Task UpdateAsync(SlackPostedMessage posted, SlackMessage message, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(string.Join('\n', Strings(message.ToJson())));
            return Task.CompletedTask;
        }
    }

    internal sealed class CapturingTeams : ITeamsConversationPoster
    {
        public ConcurrentQueue<string> Cards { get; } = new();

        public ConcurrentQueue<string> FallbackTexts { get; } = new();

        public Task<TeamsPostedMessage> PostAsync(string? conversationId, JsonObject card, string summary, CancellationToken cancellationToken)
        {
            Capture(card, summary);
            return Task.FromResult(new TeamsPostedMessage("https://smba.example/", conversationId!, "a1"));
        }

        public Task UpdateAsync(TeamsPostedMessage posted, JsonObject card, string summary, CancellationToken cancellationToken)
        {
            Capture(card, summary);
            return Task.CompletedTask;
        }

        // What the connector would send: the activity built from the card and summary.
        private void Capture(JsonObject card, string summary)
        {
            var activity = TeamsReplies.CardMessage(card, summary);
            Cards.Enqueue(string.Join('\n', Strings(activity)));
            FallbackTexts.Enqueue(card["fallbackText"]!.GetValue<string>());
        }
    }
}
