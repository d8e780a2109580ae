using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Incidents;

/// <summary>One outbox per channel: a channel that answers 429 waits out its Retry-After on the clock while the others post.</summary>
public sealed class ChannelOutboxTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(50);

    [Fact]
    public async Task Flush_SlackAnswers429_TeamsAndTheFeedPostAtOnceAndSlackWaitsItsRetryAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var store = new InMemoryIncidentStore(clock);
        var options = new IncidentOptions();
        var records = new IncidentRecords(store, options);
        var limited = new RateLimitedChannel("slack:C0INCIDENTS", timesLimited: 1);
        var other = new RecordingChannel(clock, messagesPerSecond: 100);
        var sut = new IncidentPublisher(new IncidentChannels([limited, other]), records, new ChannelRateLimiter(store, clock), options, clock, NullLogger<IncidentPublisher>.Instance);
        await records.SaveAsync(new IncidentRecord
        {
            Key = "k", Title = "Crash loop", Playbook = "crash-loop", Service = "web", Cluster = "prod", FirstSeen = clock.GetUtcNow(), LastSeen = clock.GetUtcNow(),
        });

        sut.EnqueuePost("k");
        await sut.FlushAsync(CancellationToken.None);
        var afterFirstFlush = (limited.Attempts, other.Calls.Count);
        clock.Advance(RetryAfter - TimeSpan.FromSeconds(1));
        await sut.FlushAsync(CancellationToken.None);
        var beforeRetryAfter = limited.Attempts;
        clock.Advance(TimeSpan.FromSeconds(1));
        await sut.FlushAsync(CancellationToken.None);

        Assert.Equal((1, 1), afterFirstFlush);
        Assert.Equal(1, beforeRetryAfter);
        Assert.Equal(2, limited.Attempts);
        Assert.Equal(1, limited.Posted);
        Assert.Equal(0, sut.Pending);
    }

    private sealed class RateLimitedChannel(string name, int timesLimited) : IIncidentChannel
    {
        private int _limitsLeft = timesLimited;

        public int Attempts { get; private set; }

        public int Posted { get; private set; }

        public string Name => name;

        public int MessagesPerSecond => 100;

        public Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
        {
            Attempts++;
            if (_limitsLeft-- > 0)
            {
                throw new ChannelRateLimitedException(name, RetryAfter);
            }

            Posted++;
            return Task.FromResult("ts1");
        }

        public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
