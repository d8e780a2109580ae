using DiagBot.Bot.Hosting;
using DiagBot.Bot.Slack;
using Microsoft.Extensions.Configuration;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackOptionsReaderTests
{
    [Fact]
    public void Read_NoSecrets_IsOff()
    {
        var options = SlackOptionsReader.Read(Configuration());

        Assert.False(options.Enabled);
        Assert.False(options.HttpEndpointsEnabled);
        Assert.False(options.SocketModeEnabled);
    }

    [Fact]
    public void Read_SigningSecretAndBotToken_TurnsOnTheHttpEndpoints()
    {
        var options = SlackOptionsReader.Read(Configuration(("SigningSecret", "secret"), ("BotToken", "xoxb-1")));

        Assert.True(options.HttpEndpointsEnabled);
        Assert.False(options.SocketModeEnabled);
        Assert.Equal(SlackOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
    }

    [Fact]
    public void Read_AppTokenAndBotToken_TurnsOnSocketModeOnly()
    {
        var options = SlackOptionsReader.Read(Configuration(("AppToken", "xapp-1"), ("BotToken", "xoxb-1")));

        Assert.True(options.SocketModeEnabled);
        Assert.False(options.HttpEndpointsEnabled);
    }

    [Theory]
    [InlineData("SigningSecret", "secret", "DiagBot:Slack:BotToken is missing")]
    [InlineData("BotToken", "xoxb-1", "DiagBot:Slack:SigningSecret is missing")]
    [InlineData("AppToken", "xapp-1", "DiagBot:Slack:BotToken is missing")]
    public void Read_HalfConfigured_StopsStartUpNamingTheSetting(string key, string value, string expected)
    {
        var exception = Assert.Throws<InvalidConfigurationException>(() => SlackOptionsReader.Read(Configuration((key, value))));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("DiagBot__Slack__", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TokensSwapped_SaysSo()
    {
        var exception = Assert.Throws<InvalidConfigurationException>(() => SlackOptionsReader.Read(Configuration(("AppToken", "xoxb-1"), ("BotToken", "xapp-1"))));

        Assert.Contains("DiagBot:Slack:BotToken does not start with 'xoxb-'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack.com/api")]
    [InlineData("ftp://127.0.0.1/api/")]
    public void Read_ApiBaseUrlNotHttp_StopsStartUp(string value)
    {
        var exception = Assert.Throws<InvalidConfigurationException>(() => SlackOptionsReader.Read(Configuration(("SigningSecret", "s"), ("BotToken", "xoxb-1"), ("ApiBaseUrl", value))));

        Assert.Contains("DiagBot:Slack:ApiBaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ApiBaseUrlWithoutTrailingSlash_KeepsTheMethodPath()
    {
        var options = SlackOptionsReader.Read(Configuration(("SigningSecret", "s"), ("BotToken", "xoxb-1"), ("ApiBaseUrl", "http://127.0.0.1:9/api")));

        Assert.Equal("http://127.0.0.1:9/api/chat.postMessage", new Uri(options.ApiBaseUrl, "chat.postMessage").AbsoluteUri);
    }

    [Fact]
    public void Read_AllowlistsAsCommaListOrArray_AreBothRead()
    {
        var options = SlackOptionsReader.Read(Configuration(
            ("SigningSecret", "s"), ("BotToken", "xoxb-1"), ("AllowedChannels", " C1, C2 ,,C1"), ("AllowedUserGroups:0", "S1"), ("AllowedUserGroups:1", "S2"), ("IncidentChannel", "C9")));

        Assert.Equal(["C1", "C2"], options.AllowedChannels);
        Assert.Equal(["S1", "S2"], options.AllowedUserGroups);
        Assert.Equal("C9", options.IncidentChannel);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>("DiagBot:Slack:" + setting.Key, setting.Value)))
            .Build();
}
