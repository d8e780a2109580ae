using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// Every HTTP surface of serve mode (web chat, Slack with a test secret, Teams) tried with hostile texts and raw
/// bodies: each answer is a 4xx or a normal answer, never a 5xx, a hang or a dropped connection.
/// </summary>
public sealed class InboundSurfaceTests(ITestOutputHelper output)
{
    private static readonly Uri ResponseUrl = new("http://127.0.0.1:9/response");

    [Fact]
    public async Task HostileRequests_OnEveryHttpSurface_AreAnsweredWithoutServerErrorsOrHangs()
    {
        await using var bot = await RunningBot.StartAsync(
            "--Logging:LogLevel:Default=None",
            "--DiagBot:Slack:SigningSecret=" + SignedRequests.SigningSecret,
            "--DiagBot:Slack:BotToken=xoxb-hardening",
            "--DiagBot:Slack:ApiBaseUrl=http://127.0.0.1:9/api/",
            "--DiagBot:Teams:AppId=00000000-0000-0000-0000-000000000001",
            "--DiagBot:Teams:AppPassword=hardening");
        var probe = new SurfaceProbe(bot.Client);

        foreach (var text in HostileInput.Texts)
        {
            var name = Describe(text);
            await probe.SendAsync("webchat text " + name, Json("/webchat/api/messages", new JsonObject { ["text"] = "/diagnose " + text }), requireBody: true);
            await probe.SendAsync("slash command " + name, SurfaceProbe.SlackSigned("/slack/commands", Utf8(SignedRequests.SlashCommandForm(text, ResponseUrl)), "application/x-www-form-urlencoded"));
            await probe.SendAsync("slack mention " + name, SurfaceProbe.SlackSigned("/slack/events", Utf8(SlackPayloads.AppMention("Ev" + Guid.NewGuid().ToString("N"), "<@U0DIAGBOT1> " + text, "1700000000.000100")), "application/json"));
            await probe.SendAsync("slack rerun " + name, SurfaceProbe.SlackSigned("/slack/interactions", Utf8(SlackPayloads.InteractionForm(SlackPayloads.BlockAction(SlackActions.Rerun, text, ResponseUrl))), "application/x-www-form-urlencoded"));
            await probe.SendAsync("teams message " + name, SurfaceProbe.Raw("/api/messages", Utf8(TeamsMessage(text)), "application/json", bearer: "not.a.jwt"));
        }

        foreach (var (name, body, contentType) in HostileInput.RawBodies("{\"text\":\"/diagnose help\"}"))
        {
            HttpStatusCode? tooLarge = body.Length >= HostileInput.OversizedBytes ? HttpStatusCode.RequestEntityTooLarge : null;
            await probe.SendAsync("webchat " + name, SurfaceProbe.Raw("/webchat/api/messages", body, contentType), requireBody: true, tooLarge);
            await probe.SendAsync("slash command " + name, SurfaceProbe.SlackSigned("/slack/commands", body, contentType), expected: tooLarge);
            await probe.SendAsync("slack events " + name, SurfaceProbe.SlackSigned("/slack/events", body, contentType), expected: tooLarge);
            await probe.SendAsync("slack interactions " + name, SurfaceProbe.SlackSigned("/slack/interactions", body, contentType), expected: tooLarge);
            await probe.SendAsync("slack unsigned " + name, SurfaceProbe.Raw("/slack/events", body, contentType));
            await probe.SendAsync("teams " + name, SurfaceProbe.Raw("/api/messages", body, contentType, bearer: "not.a.jwt"), expected: tooLarge);
            await probe.SendAsync("teams unauthenticated " + name, SurfaceProbe.Raw("/api/messages", body, contentType));
        }

        await probe.SendAsync("interaction payload of nested json", SurfaceProbe.SlackSigned("/slack/interactions", Utf8("payload=" + Uri.EscapeDataString(HostileInput.DeeplyNestedArray)), "application/x-www-form-urlencoded"));
        await probe.SendAsync("interaction payload not json", SurfaceProbe.SlackSigned("/slack/interactions", Utf8("payload=%7Bnot json"), "application/x-www-form-urlencoded"));
        await probe.SendAsync("health after all", new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative)));

        output.WriteLine($"HTTP hardening cases tried: {probe.Tried}");
        Assert.True(probe.Tried >= PlannedCases, $"only {probe.Tried} cases tried, planned {PlannedCases}");
        Assert.True(probe.Failures.Count == 0, string.Join(Environment.NewLine, probe.Failures));
    }

    // 16 texts on 5 surfaces, 13 raw bodies on 7 routes, 3 singles.
    private const int PlannedCases = (16 * 5) + (13 * 7) + 3;

    private static HttpRequestMessage Json(string path, JsonNode body) =>
        SurfaceProbe.Raw(path, Utf8(body.ToJsonString()), "application/json");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Describe(string text) => text.Length > 30 ? $"{text[..30]}... ({text.Length} chars)" : text;

    private static string TeamsMessage(string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/teams/",
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["conversation"] = new JsonObject { ["id"] = "19:conv" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["text"] = text,
    }.ToJsonString();
}
