using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Events;

public sealed class EventBridgeEndpointTests
{
    private const string ApiKey = "eventbridge-connection-key";

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Post_MissingOrWrongApiKey_Is401(string? key)
    {
        await using var bot = await RunningBot.StartAsync(EventFixtures.FixtureRegionSetting, "--DiagBot:Events:ApiKey=" + ApiKey);

        using var response = await bot.Client.SendAsync(Request(key, header: "X-DiagBot-Key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ApiKeyUnderConfiguredHeader_IsAccepted()
    {
        await using var bot = await RunningBot.StartAsync(EventFixtures.FixtureRegionSetting, "--DiagBot:Events:ApiKey=" + ApiKey, "--DiagBot:Events:ApiKeyHeader=X-Api-Key");

        using var response = await bot.Client.SendAsync(Request(ApiKey, header: "X-Api-Key"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("Posted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BasicAuthOfTheConnection_IsAccepted_WrongPasswordIs401()
    {
        await using var bot = await RunningBot.StartAsync(EventFixtures.FixtureRegionSetting, "--DiagBot:Events:BasicUser=eventbridge", "--DiagBot:Events:BasicPassword=s3cret");

        using var good = Request(null, header: null);
        good.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("eventbridge:s3cret")));
        using var bad = Request(null, header: null);
        bad.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("eventbridge:guess")));

        Assert.Equal(HttpStatusCode.Accepted, (await bot.Client.SendAsync(good)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Client.SendAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task Post_NothingConfigured_Is401()
    {
        await using var bot = await RunningBot.StartAsync(EventFixtures.FixtureRegionSetting);

        using var response = await bot.Client.SendAsync(Request("anything", header: "X-DiagBot-Key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Request(string? key, string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge")
        {
            Content = new StringContent(EventFixtures.Json(EventFixtures.TaskFailed), Encoding.UTF8, "application/json"),
        };
        if (key is not null && header is not null)
        {
            request.Headers.Add(header, key);
        }

        return request;
    }
}
