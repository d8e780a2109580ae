using System.Net;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public async Task Serve_NoAppId_StartsWithTeamsOff()
    {
        await using var bot = await RunningBot.StartAsync();

        var response = await bot.Client.PostAsync(new Uri("api/messages", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Read_AppIdWithoutPasswordOrCertificate_NamesTheSettings()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TeamsOptionsReader.Read(Configuration(("AppId", "app"))));

        Assert.Contains("DiagBot:Teams:AppPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("DiagBot:Teams:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SingleTenant_TakesTokensFromTheTenantsAuthority()
    {
        var options = TeamsOptionsReader.Read(Configuration(("AppId", "app"), ("AppPassword", "secret"), ("TenantId", "contoso.onmicrosoft.com")));

        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", options.TokenEndpoint.AbsoluteUri);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com", options.Authority.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Read_MultiTenant_DefaultsToThePublicEndpoints()
    {
        var options = TeamsOptionsReader.Read(Configuration(("AppId", "app"), ("AppPassword", "secret")));

        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", options.TokenEndpoint.AbsoluteUri);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl.AbsoluteUri);
    }

    [Fact]
    public void Read_CertificateThatDoesNotExist_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TeamsOptionsReader.Read(Configuration(("AppId", "app"), ("CertificatePath", "/nonexistent/bot.pfx"))));

        Assert.Contains("DiagBot:Teams:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("TokenEndpoint", "https://login.microsoftonline.com/botframework.com/oauth2/token")]
    public void Read_BadEndpoint_NamesTheSetting(string key, string value)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TeamsOptionsReader.Read(Configuration(("AppId", "app"), ("AppPassword", "secret"), (key, value))));

        Assert.Contains($"DiagBot:Teams:{key}", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>($"DiagBot:Teams:{setting.Key}", setting.Value)))
            .Build();
}
