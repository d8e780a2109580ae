using System.Net;
using System.Text;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Store;

public sealed class ArchivedTaskDiagnosisTests
{
    private const string TaskId = "0badc0de0badc0de0badc0de0badc0de";

    [Fact]
    public async Task Diagnose_TaskEcsNoLongerKnows_DiagnosesFromTheArchivedEventAndSaysSo()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:Events:ApiKey=k");
        var sandbox = bot.Services.GetRequiredService<SandboxServer>();
        var cluster = sandbox.Clusters[0];
        var json = EventFixtures.Json(EventFixtures.TaskFailed)
            .Replace("us-west-2", sandbox.Options.Region, StringComparison.Ordinal)
            .Replace("111122223333", sandbox.Options.AccountId, StringComparison.Ordinal)
            .Replace("FargateCluster", cluster, StringComparison.Ordinal)
            .Replace("c13b4cb40f1f4fe4a2971f76ae5a47ad", TaskId, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-DiagBot-Key", "k");
        Assert.Equal(HttpStatusCode.Accepted, (await bot.Client.SendAsync(request)).StatusCode);

        var arn = $"arn:aws:ecs:{sandbox.Options.Region}:{sandbox.Options.AccountId}:task/{cluster}/{TaskId}";
        var outcome = await bot.Services.GetRequiredService<DiagnosisService>().DiagnoseAsync(arn, CancellationToken.None);

        Assert.Null(outcome.Problem);
        Assert.Contains(outcome.Report!.TriageGaps, gap => gap.Detail.Contains("diagnosed from the archived ECS Task State Change event", StringComparison.Ordinal));
        Assert.NotEmpty(outcome.Report.Ranking);
    }

    [Fact]
    public async Task Diagnose_UnknownTaskNeverArchived_StillSaysNotFound()
    {
        await using var bot = await RunningBot.StartAsync();
        var sandbox = bot.Services.GetRequiredService<SandboxServer>();
        var arn = $"arn:aws:ecs:{sandbox.Options.Region}:{sandbox.Options.AccountId}:task/{sandbox.Clusters[0]}/{TaskId}";

        var outcome = await bot.Services.GetRequiredService<DiagnosisService>().DiagnoseAsync(arn, CancellationToken.None);

        Assert.NotNull(outcome.Problem);
    }
}
