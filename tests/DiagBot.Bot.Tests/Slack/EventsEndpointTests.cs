using System.Net;
using System.Text.Json;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>POST /slack/events end to end.</summary>
public sealed class EventsEndpointTests
{
    [Fact]
    public async Task UrlVerification_Signed_EchoesTheChallenge()
    {
        await using var sut = await SlackBot.StartAsync();
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        using var response = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task UrlVerification_Unsigned_Is401()
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Unsigned("/slack/events", """{"challenge":"c","type":"url_verification"}""", "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Event_SignedButNotJson_Is400()
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", "{\"type\":\"event_callback\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task AppMention_Diagnose_PostsInTheThreadThenUpdatesWithTheVerdict()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        using var response = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0MENTION1", "<@U0DIAGBOT1> diagnose " + subject, "1700000100.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var placeholder = (await sut.Slack.WaitForAsync("api/chat.postMessage")).Json();
        Assert.Equal("1700000100.000100", placeholder.GetProperty("thread_ts").GetString());
        Assert.Equal(SlackPayloads.Channel, placeholder.GetProperty("channel").GetString());
        Assert.StartsWith("Diagnosing", placeholder.GetProperty("text").GetString(), StringComparison.Ordinal);
        var update = (await sut.Slack.WaitForAsync("api/chat.update")).Json();
        SlashCommandEndpointTests.AssertVerdictBlocks(update, subject, "Container killed: exit code 137", "confirmed");
    }

    [Fact]
    public async Task AppMention_InsideAThread_RepliesInThatThread()
    {
        await using var sut = await SlackBot.StartAsync();

        await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0THREAD01", "<@U0DIAGBOT1> help", "1700000200.000200", threadTs: "1700000100.000100")));

        var reply = (await sut.Slack.WaitForAsync("api/chat.postMessage")).Json();
        Assert.Equal("1700000100.000100", reply.GetProperty("thread_ts").GetString());
        Assert.StartsWith("Usage:", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppMention_RetriedAndDuplicated_IsHandledOnce()
    {
        await using var sut = await SlackBot.StartAsync();
        var first = SlackPayloads.AppMention("Ev0ONCE0001", "<@U0DIAGBOT1> help", "1700000300.000300");

        using var original = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", first));
        using var retryRequest = SignedRequests.Json("/slack/events", first);
        retryRequest.Headers.Add(SlackEndpoints.RetryNumHeader, "1");
        retryRequest.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var retry = await sut.Client.SendAsync(retryRequest);
        using var duplicate = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", first));
        using var other = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0OTHER001", "<@U0DIAGBOT1> help", "1700000400.000400")));

        Assert.All([original, retry, duplicate, other], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(2, sut.Queue.Enqueued);
        await sut.Slack.WaitForAsync("api/chat.postMessage", request => request.Json().GetProperty("thread_ts").GetString() == "1700000400.000400");
        await sut.Slack.WaitForAsync("api/chat.postMessage", request => request.Json().GetProperty("thread_ts").GetString() == "1700000300.000300");
        Assert.Single(sut.Slack.Requests("api/chat.postMessage"), request => request.Json().GetProperty("thread_ts").GetString() == "1700000300.000300");
    }

    [Fact]
    public async Task AppMention_FromChannelNotOnTheAllowlist_GetsAPoliteRefusalInTheThread()
    {
        await using var sut = await SlackBot.StartAsync("--DiagBot:Slack:AllowedChannels=C0ELSEWHERE");

        await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0REFUSE01", "<@U0DIAGBOT1> diagnose exit 137", "1700000500.000500")));

        var reply = (await sut.Slack.WaitForAsync("api/chat.postMessage")).Json();
        Assert.Equal(SlackAccessPolicy.Refusal, reply.GetProperty("text").GetString());
    }
}
