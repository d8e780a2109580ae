using System.Net;
using System.Net.Http.Json;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>The web chat and the incident feed: off by default in live mode, and never on in live mode without a sign-in.</summary>
public sealed class WebChatExposureTests
{
    private static readonly (HttpMethod Method, string Path)[] WebChatSurface =
    [
        (HttpMethod.Get, "/"),
        (HttpMethod.Get, "/webchat/chat.js"),
        (HttpMethod.Get, "/webchat/api/info"),
        (HttpMethod.Get, "/webchat/api/examples"),
        (HttpMethod.Get, "/webchat/api/feed"),
        (HttpMethod.Post, "/webchat/api/messages"),
        (HttpMethod.Post, "/webchat/api/incidents/start"),
    ];

    [Fact]
    public async Task LiveMode_ByDefault_AnswersNotFoundOnThePageItsApiAndTheFeed()
    {
        await using var bot = await LiveBot.StartAsync();

        foreach (var (method, path) in WebChatSurface)
        {
            using var response = await bot.Client.SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task LiveMode_ByDefault_StillServesTheHealthProbe()
    {
        await using var bot = await LiveBot.StartAsync();

        using var response = await bot.Client.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LiveMode_WebChatOnWithoutAuth_StopsStartUpNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<InvalidConfigurationException>(() => LiveBot.StartAsync("--DiagBot:WebChat:Enabled=true"));

        Assert.Contains("DiagBot:WebChat:Auth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxMode_WebChatOff_AnswersNotFound()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:WebChat:Enabled=false");

        using var response = await bot.Client.GetAsync(new Uri("webchat/api/feed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SandboxMode_ByDefault_ServesTheWebChat()
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await bot.Client.GetAsync(new Uri("webchat/api/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static HttpRequestMessage Request(HttpMethod method, string path) => new(method, new Uri(path.TrimStart('/'), UriKind.Relative))
    {
        Content = method == HttpMethod.Post ? JsonContent.Create(new { text = "/diagnose help" }) : null,
    };
}
