using System.Net;
using System.Text;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>Half an EventBridge basic-auth pair stops start-up; a body repeating a JSON property is a 400 on every JSON intake.</summary>
public sealed class StrictInputTests
{
    [Theory]
    [InlineData("BasicUser", "BasicPassword")]
    [InlineData("BasicPassword", "BasicUser")]
    public async Task HalfABasicAuthPair_StopsStartUpNamingTheMissingHalf(string given, string missing)
    {
        var exception = await Assert.ThrowsAsync<InvalidConfigurationException>(() => RunningBot.StartAsync($"--DiagBot:Events:{given}=eventbridge"));

        Assert.Contains("DiagBot:Events:" + missing, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedJsonProperties_AreA400OnTheWebChatAndBothIntakes()
    {
        await using var sns = await FakeSnsHost.StartAsync();
        await using var bot = await RunningBot.StartAsync(
            "--DiagBot:Events:ApiKey=k", "--DiagBot:Events:Sns:Topics:0=" + FakeSnsHost.TopicArn, "--Logging:LogLevel:Default=None", EventFixtures.FixtureRegionSetting);
        var valid = EventFixtures.Json(EventFixtures.TaskFailed);
        var repeatedAccount = "{\"account\":\"999999999999\"," + valid.TrimStart()[1..];
        var snsMessage = sns.Notification(valid, "2");
        var repeatedTopic = "{\"TopicArn\":\"arn:aws:sns:us-west-2:999999999999:attacker-topic\"," + snsMessage.TrimStart()[1..];

        using var webChat = await bot.Client.PostAsync(new Uri("webchat/api/messages", UriKind.Relative), Body("{\"text\":\"help\",\"text\":\"/diagnose x\"}", "application/json"));
        using var eventBridge = await bot.Client.SendAsync(Keyed(Body(repeatedAccount, "application/json")));
        using var snsResponse = await bot.Client.PostAsync(new Uri("events/sns", UriKind.Relative), Body(repeatedTopic, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, webChat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, eventBridge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, snsResponse.StatusCode);
    }

    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, type);

    private static HttpRequestMessage Keyed(StringContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("events/eventbridge", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-DiagBot-Key", "k");
        return request;
    }
}
