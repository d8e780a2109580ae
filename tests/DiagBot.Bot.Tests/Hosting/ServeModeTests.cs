using System.Net;
using System.Text.Json;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace DiagBot.Bot.Tests.Hosting;

public sealed class ServeModeTests
{
    [Fact]
    public async Task Healthz_DefaultMode_IsOkAndSaysSandbox()
    {
        await using var bot = await RunningBot.StartAsync();

        var response = await bot.Client.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("sandbox").GetBoolean());
    }

    [Theory]
    [InlineData(null, BotMode.Sandbox)]
    [InlineData("sandbox", BotMode.Sandbox)]
    [InlineData(" LIVE ", BotMode.Live)]
    public void ReadMode_KnownValues_AreAccepted(string? value, BotMode expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [BotModeSetting.Key] = value }).Build();

        Assert.Equal(expected, BotModeSetting.Read(configuration));
    }

    [Fact]
    public void ReadMode_UnknownValue_NamesTheSettingAndWhereToSetIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [BotModeSetting.Key] = "staging" }).Build();

        var exception = Assert.Throws<InvalidConfigurationException>(() => BotModeSetting.Read(configuration));

        Assert.Contains("DiagBot:Mode is 'staging'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DiagBot__Mode", exception.Message, StringComparison.Ordinal);
    }
}
