using System.Net;
using System.Net.Http.Json;
using DiagBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// The front of the pipeline: a request naming a foreign host (a DNS-rebinding page) is refused, and the audit line
/// names the caller behind a known proxy, never what an unknown one claims.
/// </summary>
public sealed class NetworkEdgeTests(ITestOutputHelper output)
{
    /// <summary>How many requests with a foreign Host the rebinding test sends (docs/security.md quotes it).</summary>
    public const int RebindingCases = 8;

    [Fact]
    public async Task ARebindingPage_NamingItsOwnHost_IsRefusedOnEverySurface()
    {
        await using var sandbox = await RunningBot.StartAsync("--Logging:LogLevel:Default=None");
        await using var live = await LiveBot.StartAsync();
        var requests = new (RunningBot Bot, HttpMethod Method, string Path)[]
        {
            (sandbox, HttpMethod.Get, "/"),
            (sandbox, HttpMethod.Get, "/webchat/api/feed"),
            (sandbox, HttpMethod.Post, "/webchat/api/messages"),
            (sandbox, HttpMethod.Post, "/webchat/api/incidents/start"),
            (live, HttpMethod.Post, "/events/eventbridge"),
            (live, HttpMethod.Post, "/slack/commands"),
            (live, HttpMethod.Post, "/api/messages"),
            (live, HttpMethod.Get, "/readyz/../webchat/api/feed"),
        };
        Assert.Equal(RebindingCases, requests.Length);

        var admitted = new List<string>();
        foreach (var (bot, method, path) in requests)
        {
            using var request = WebChatExposureTests.Request(method, path);
            request.Headers.Host = "rebind.attacker.example";
            using var response = await bot.Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                admitted.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        output.WriteLine($"foreign-host requests tried: {requests.Length}, admitted: {admitted.Count}");
        Assert.Empty(admitted);
    }

    [Fact]
    public async Task TheHealthProbe_AnswersWhateverHostTheProbeNames()
    {
        await using var bot = await LiveBot.StartAsync("--AllowedHosts=diagbot.example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        request.Headers.Host = "10.0.3.17:8080";

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AllowedHosts_Set_AdmitsThatNameAndRefusesTheLoopbackDefault()
    {
        await using var bot = await RunningBot.StartAsync("--AllowedHosts=*.diagbot.example.com", "--Logging:LogLevel:Default=None");

        using var named = WebChatExposureTests.Request(HttpMethod.Get, "/webchat/api/info");
        named.Headers.Host = "chat.diagbot.example.com";
        using var namedResponse = await bot.Client.SendAsync(named);
        using var loopback = await bot.Client.GetAsync(new Uri("webchat/api/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, namedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownProxy_IsIgnoredByTheAudit()
    {
        await using var bot = await RunningBot.StartAsync();
        using var audit = LiveBot.Capture(bot);

        await AskWithForwardedForAsync(bot, "203.0.113.9");

        Assert.Equal("127.0.0.1", LiveBot.SingleAuditLine(audit)["Where"]);
    }

    [Fact]
    public async Task ForwardedFor_FromAKnownProxyNetwork_IsTheCallerTheAuditNames()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:ForwardedHeaders:KnownNetworks:0=127.0.0.0/8");
        using var audit = LiveBot.Capture(bot);

        await AskWithForwardedForAsync(bot, "203.0.113.9");

        Assert.Equal("203.0.113.9", LiveBot.SingleAuditLine(audit)["Where"]);
    }

    private static async Task AskWithForwardedForAsync(RunningBot bot, string caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("webchat/api/messages", UriKind.Relative)) { Content = JsonContent.Create(new { text = "/diagnose arn:nope" }) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", caller);
        using var response = await bot.Client.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
