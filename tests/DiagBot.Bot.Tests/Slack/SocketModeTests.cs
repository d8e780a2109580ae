using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Slack.Support;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>
/// Socket Mode against a loopback WebSocket server speaking Slack's envelope shapes: hello, slash_commands,
/// events_api, interactive, disconnect; and a connection that drops without a word.
/// </summary>
public sealed class SocketModeTests
{
    private const string Hello = """{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A0DIAGBOT1"}}""";

    [Fact]
    public async Task SocketMode_CommandMentionButtonAcrossDisconnectAndDrop_AreAllAcknowledgedAndAnswered()
    {
        await using var sut = await SlackBot.StartAsync(socketMode: true);
        var subject = sut.SubjectOf("p07-task-oom");

        var first = await sut.Slack.NextSocketAsync();
        var open = sut.Slack.Requests("api/apps.connections.open").Single();
        Assert.Equal("Bearer " + SlackBot.AppToken, open.Authorization);
        await first.SendAsync(Hello);
        await first.SendAsync(Envelope("slash_commands", "env-command-1", CommandPayload(subject, sut.Slack.ResponseUrl("socket-command")), acceptsResponsePayload: true));
        var ack = await first.ReceiveAsync();
        Assert.Equal("env-command-1", ack.GetProperty("envelope_id").GetString());
        Assert.StartsWith("Diagnosing `" + subject + "`", ack.GetProperty("payload").GetProperty("text").GetString(), StringComparison.Ordinal);
        var verdict = (await sut.Slack.WaitForAsync("response/socket-command")).Json();
        SlashCommandEndpointTests.AssertVerdictBlocks(verdict, subject, "Container killed: exit code 137", "confirmed");

        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-test"}}""");
        var second = await sut.Slack.NextSocketAsync();
        Assert.Equal(2, sut.Slack.Requests("api/apps.connections.open").Count);
        await second.SendAsync(Hello);
        var mention = JsonNode.Parse(SlackPayloads.AppMention("Ev0SOCKET01", "<@U0DIAGBOT1> help", "1700000600.000600"))!;
        await second.SendAsync(Envelope("events_api", "env-event-1", mention));
        Assert.Equal("env-event-1", (await second.ReceiveAsync()).GetProperty("envelope_id").GetString());
        var reply = (await sut.Slack.WaitForAsync("api/chat.postMessage")).Json();
        Assert.Equal("1700000600.000600", reply.GetProperty("thread_ts").GetString());

        second.Drop();
        var third = await sut.Slack.NextSocketAsync();
        await third.SendAsync(Hello);
        await third.SendAsync(Envelope("events_api", "env-event-2", mention, retryAttempt: 1));
        Assert.Equal("env-event-2", (await third.ReceiveAsync()).GetProperty("envelope_id").GetString());
        var click = JsonNode.Parse(SlackPayloads.BlockAction("diagbot_raw_evidence", subject, sut.Slack.ResponseUrl("socket-raw")))!;
        await third.SendAsync(Envelope("interactive", "env-click-1", click));
        Assert.Equal("env-click-1", (await third.ReceiveAsync()).GetProperty("envelope_id").GetString());
        Assert.Contains("Raw evidence", (await sut.Slack.WaitForAsync("response/socket-raw")).Body, StringComparison.Ordinal);
        Assert.Single(sut.Slack.Requests("api/chat.postMessage"));
        Assert.Equal(3, sut.Queue.Enqueued);
    }

    private static JsonObject CommandPayload(string text, Uri responseUrl) => new()
    {
        ["token"] = "deprecated",
        ["team_id"] = "T0TEAM0001",
        ["team_domain"] = "diagbot",
        ["channel_id"] = SlackPayloads.Channel,
        ["channel_name"] = "incidents",
        ["user_id"] = SlackPayloads.User,
        ["user_name"] = "oncall",
        ["command"] = "/diagnose",
        ["text"] = text,
        ["api_app_id"] = "A0DIAGBOT1",
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl.AbsoluteUri,
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
    };

    private static string Envelope(string type, string envelopeId, JsonNode payload, bool acceptsResponsePayload = false, int retryAttempt = 0) => new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["payload"] = payload.DeepClone(),
        ["type"] = type,
        ["accepts_response_payload"] = acceptsResponsePayload,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? string.Empty : "timeout",
    }.ToJsonString();
}
