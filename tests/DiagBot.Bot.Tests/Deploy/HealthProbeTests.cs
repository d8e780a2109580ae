using System.Net;
using System.Text.Json;
using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>/readyz for the orchestrators' readiness probes, and the `healthcheck` verb the container image's HEALTHCHECK runs.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Readyz_InMemoryStore_IsReady()
    {
        await using var bot = await RunningBot.StartAsync();

        var (status, json) = await GetReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal("ok", json.GetProperty("checks").GetProperty("configuration").GetString());
        Assert.Equal("ok", json.GetProperty("checks").GetProperty("store").GetString());
    }

    [Fact]
    public async Task Readyz_RedisUnreachable_IsNotReadyAndSaysWhy()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:Store:Redis=127.0.0.1:1,abortConnect=false,connectTimeout=300");

        var (status, json) = await GetReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", json.GetProperty("status").GetString());
        Assert.NotEqual("ok", json.GetProperty("checks").GetProperty("store").GetString());
    }

    [Fact]
    public async Task Healthcheck_BotServing_ExitsZero()
    {
        await using var bot = await RunningBot.StartAsync();
        using var error = new StringWriter();

        var exit = await HealthcheckCommand.RunAsync([bot.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], error, CancellationToken.None);

        Assert.Equal(CliApp.ExitVerdict, exit);
    }

    [Fact]
    public async Task Healthcheck_NothingListening_ExitsOneAndSaysSo()
    {
        using var error = new StringWriter();

        var exit = await HealthcheckCommand.RunAsync(["1"], error, CancellationToken.None);

        Assert.Equal(CliApp.ExitNothingMatched, exit);
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eighty")]
    [InlineData("70000")]
    public async Task Healthcheck_NotAPort_IsBadInput(string port)
    {
        using var error = new StringWriter();

        Assert.Equal(CliApp.ExitBadInput, await HealthcheckCommand.RunAsync([port], error, CancellationToken.None));
    }

    [Fact]
    public void CliApp_HandlesHealthcheck()
    {
        Assert.True(CliApp.Handles(["healthcheck"]));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> GetReadyzAsync(RunningBot bot)
    {
        using var response = await bot.Client.GetAsync(new Uri("readyz", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
