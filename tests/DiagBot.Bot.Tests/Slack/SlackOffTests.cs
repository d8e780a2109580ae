using System.Net;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackOffTests
{
    [Fact]
    public async Task ServeMode_WithoutSlackSecrets_StartsWithSlackOffAndNoSlackEndpoints()
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await bot.Client.SendAsync(SignedRequests.Form("/slack/commands", "text=help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(bot.Services.GetRequiredService<SlackOptions>().Enabled);
        Assert.Null(bot.Services.GetService<SlackJobQueue>());
    }
}
