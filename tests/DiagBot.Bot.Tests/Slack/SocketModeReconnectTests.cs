using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>Socket Mode's waits between failed connection attempts, on a fake clock.</summary>
public sealed class SocketModeReconnectTests
{
    [Fact]
    public async Task Connect_OpenFailsTwice_WaitsLongerEachTimeThenConnects()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.FailNext("api/apps.connections.open", "internal_error", "internal_error");
        var clock = new ObservedTimeProvider();
        using var http = new HttpClient();
        using var sut = CreateSut(slack, http, clock);

        await sut.StartAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(2));
        var connection = await slack.NextSocketAsync();
        Assert.Equal(3, slack.Requests("api/apps.connections.open").Count);
        await connection.CloseAsync();
        await sut.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Connect_GreetedConnectionDrops_ReconnectsWithoutWaiting()
    {
        await using var slack = await FakeSlack.StartAsync();
        var clock = new ObservedTimeProvider();
        using var http = new HttpClient();
        using var sut = CreateSut(slack, http, clock);
        await sut.StartAsync(CancellationToken.None);

        var first = await slack.NextSocketAsync();
        await first.SendAsync("""{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0DIAGBOT1"}}""");
        await first.SendAsync("""{"envelope_id":"env-1","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"","payload":{"type":"event_callback","event_id":"Ev0REACTION","event":{"type":"reaction_added"}}}""");
        Assert.Equal("env-1", (await first.ReceiveAsync()).GetProperty("envelope_id").GetString());
        first.Drop();
        var second = await slack.NextSocketAsync();

        Assert.Equal(2, slack.Requests("api/apps.connections.open").Count);
        await second.CloseAsync();
        await sut.StopAsync(CancellationToken.None);
    }

    private static SocketModeService CreateSut(FakeSlack slack, HttpClient http, TimeProvider clock)
    {
        var options = new SlackOptions { BotToken = SlackBot.BotToken, AppToken = SlackBot.AppToken, ApiBaseUrl = slack.ApiBaseUrl };
        var api = new SlackWebApiClient(http, options, clock, NullLogger<SlackWebApiClient>.Instance);
        var access = new SlackAccessPolicy(options, new SlackUserGroupDirectory(api, options, clock, NullLogger<SlackUserGroupDirectory>.Instance));
        var queue = new SlackJobQueue();
        var dispatcher = new SocketModeDispatcher(
            new SlackCommandHandler(options, access, queue, NullLogger<SlackCommandHandler>.Instance),
            new SlackEventHandler(options, access, queue, new SlackEventDeduplicator(clock), NullLogger<SlackEventHandler>.Instance),
            new SlackInteractionHandler(options, access, queue, NullLogger<SlackInteractionHandler>.Instance));
        return new SocketModeService(options, api, dispatcher, clock, NullLogger<SocketModeService>.Instance);
    }
}
