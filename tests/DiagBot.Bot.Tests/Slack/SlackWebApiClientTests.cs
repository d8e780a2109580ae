using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackWebApiClientTests
{
    [Fact]
    public async Task PostMessage_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimitNext("api/chat.postMessage", 30);
        var clock = new ObservedTimeProvider();
        using var http = new HttpClient();
        var poster = new SlackChannelPoster(CreateSut(http, slack, clock), Options(slack));

        var posting = poster.PostAsync("C0INCIDENT", SlackMessage.Plain(SlackMrkdwn.Text("hello")));

        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextWaitAsync());
        Assert.Single(slack.Requests("api/chat.postMessage"));
        Assert.False(posting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        var posted = await posting.WaitAsync(Timeouts.Answer);
        Assert.Equal("C0INCIDENT", posted.Channel);
        Assert.Equal(2, slack.Requests("api/chat.postMessage").Count);
    }

    [Fact]
    public async Task PostMessage_AlwaysRateLimited_GivesUpAfterMaxAttempts()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimitNext("api/chat.postMessage", 1, 1, 1, 1, 1);
        var clock = new ObservedTimeProvider();
        using var http = new HttpClient();
        var poster = new SlackChannelPoster(CreateSut(http, slack, clock), Options(slack));

        var posting = poster.PostAsync("C0INCIDENT", SlackMessage.Plain(SlackMrkdwn.Text("hello")));
        for (var wait = 1; wait < SlackWebApiClient.MaxAttempts; wait++)
        {
            clock.Advance(await clock.NextWaitAsync());
        }

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => posting.WaitAsync(Timeouts.Answer));
        Assert.Equal("http_429", exception.Error);
        Assert.Equal(SlackWebApiClient.MaxAttempts, slack.Requests("api/chat.postMessage").Count);
    }

    [Fact]
    public async Task PostAndUpdate_SendBotTokenAndThreadAsSlackDocumentsThem()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient();
        var poster = new SlackChannelPoster(CreateSut(http, slack, TimeProvider.System), Options(slack));

        var posted = await poster.PostAsync("C0INCIDENT", SlackMessage.Plain(SlackMrkdwn.Text("first")), threadTs: "1700000000.000001");
        await poster.UpdateAsync(posted, SlackMessage.Plain(SlackMrkdwn.Text("second")));

        var post = slack.Requests("api/chat.postMessage").Single();
        Assert.Equal("Bearer " + SlackBot.BotToken, post.Authorization);
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        Assert.Equal("1700000000.000001", post.Json().GetProperty("thread_ts").GetString());
        var update = slack.Requests("api/chat.update").Single().Json();
        Assert.Equal(posted.Ts, update.GetProperty("ts").GetString());
        Assert.Equal("C0INCIDENT", update.GetProperty("channel").GetString());
        Assert.Equal("second", update.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Call_SlackAnswersOkFalse_ThrowsWithSlacksErrorCode()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<SlackApiException>(() =>
            CreateSut(http, slack, TimeProvider.System).CallAsync("no.such.method", [], SlackBot.BotToken, CancellationToken.None));

        Assert.Equal("unknown_method", exception.Error);
    }

    [Fact]
    public async Task ResponseUrl_RateLimited_LogsItsHostButNotTheTokenInItsPath()
    {
        await using var slack = await FakeSlack.StartAsync();
        const string token = "T0DIAGBOT1-1700000000-SECRETTOKEN";
        slack.RateLimitNext("response/" + token, 0);
        using var logs = new CapturingLoggerProvider();
        using var http = new HttpClient();
        var sut = new SlackWebApiClient(http, Options(slack), TimeProvider.System, new LoggerFactory([logs]).CreateLogger<SlackWebApiClient>());

        await sut.PostToResponseUrlAsync(slack.ResponseUrl(token), new System.Text.Json.Nodes.JsonObject { ["text"] = "hi" }, CancellationToken.None);

        var warning = Assert.Single(logs.Entries, entry => entry.Message.Contains("rate-limited", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRETTOKEN", warning.Message, StringComparison.Ordinal);
        Assert.Contains(slack.ResponseUrl(token).Host, warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, slack.Requests("response/" + token).Count);
    }

    [Fact]
    public async Task IncidentPoster_RateLimited_ThrowsRetryAfterInsteadOfWaiting()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimitNext("api/chat.postMessage", 50);
        using var http = new HttpClient();
        var poster = new SlackChannelPoster(CreateSut(http, slack, new ObservedTimeProvider()), Options(slack), waitOnRateLimit: false);

        var limited = await Assert.ThrowsAsync<SlackRateLimitedException>(() => poster.PostAsync("C0INCIDENT", SlackMessage.Plain(SlackMrkdwn.Text("hello"))).WaitAsync(Timeouts.Answer));

        Assert.Equal(TimeSpan.FromSeconds(50), limited.RetryAfter);
        Assert.Single(slack.Requests("api/chat.postMessage"));
    }

    private static SlackOptions Options(FakeSlack slack) => new() { BotToken = SlackBot.BotToken, ApiBaseUrl = slack.ApiBaseUrl };

    private static SlackWebApiClient CreateSut(HttpClient http, FakeSlack slack, TimeProvider clock) =>
        new(http, Options(slack), clock, NullLogger<SlackWebApiClient>.Instance);
}
