using System.Net.Http.Json;
using DiagBot.Bot.Telemetry;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.Tests.Telemetry.Support;
using DiagBot.Diagnostics.Telemetry;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Telemetry;

/// <summary>
/// The metrics operators chart: diagnoses by playbook and status, evidence-call latency and errors by service and
/// operation, acknowledgement latency, incident posts. Other tests run in parallel, so these assert presence.
/// </summary>
public sealed class TelemetryMetricsTests
{
    [Fact]
    public async Task Diagnosis_OomTask_CountsTheVerdictByPlaybookAndStatus_AndTimesEachCall()
    {
        await using var bot = await RunningBot.StartAsync();
        using var metrics = new MeasurementRecorder(DiagnosisTelemetry.SourceName, EvidenceTelemetry.SourceName);

        await DiagnosisSpanTests.DiagnoseAsync(bot, "p07-task-oom");

        Assert.True(metrics.Has(DiagnosisTelemetry.VerdictsName, (DiagnosisTelemetry.PlaybookTag, "task-out-of-memory"), (DiagnosisTelemetry.StatusTag, "confirmed")));
        Assert.True(metrics.Has(DiagnosisTelemetry.DurationName, (DiagnosisTelemetry.SubjectKindTag, "task")));
        Assert.True(metrics.Has(EvidenceTelemetry.CallDurationName, (EvidenceTelemetry.ServiceTag, "ecs"), (EvidenceTelemetry.OperationTag, "DescribeTasks"), (EvidenceTelemetry.OutcomeTag, "found")));
    }

    [Fact]
    public async Task Diagnosis_EcsThrottled_CountsErrorsByServiceOperationAndReason()
    {
        await using var bot = await RunningBot.StartWithOwnSandboxAsync("--DiagBot:Aws:Resilience:MaxRetries=0");
        bot.Services.GetRequiredService<SandboxServer>().Faults.Set("logs", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Throttling });
        using var metrics = new MeasurementRecorder(EvidenceTelemetry.SourceName);

        await DiagnosisSpanTests.DiagnoseAsync(bot, "p08-crash-loop");

        Assert.True(metrics.Has(EvidenceTelemetry.CallErrorsName, (EvidenceTelemetry.ServiceTag, "logs"), (EvidenceTelemetry.ErrorTypeTag, "throttled")));
    }

    [Fact]
    public async Task SlashCommand_IsTimedAsASlackAcknowledgement()
    {
        await using var sut = await SlackBot.StartAsync();
        using var metrics = new MeasurementRecorder(BotTelemetry.MeterName);

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("help", sut.Slack.ResponseUrl("ack"))));
        await response.Content.ReadAsStringAsync();

        Assert.True(metrics.Has(BotTelemetry.AckDurationName, (BotTelemetry.ChannelTag, "slack"), (BotTelemetry.RouteTag, "/slack/commands")));
    }

    [Fact]
    public async Task SandboxIncident_ItsPostToTheWebFeedIsCounted()
    {
        await using var bot = await RunningBot.StartWithOwnSandboxAsync();
        using var metrics = new MeasurementRecorder(BotTelemetry.MeterName);

        using var started = await bot.Client.PostAsync(new Uri("webchat/api/incidents/start", UriKind.Relative), null);
        started.EnsureSuccessStatusCode();

        // Waits for the pipeline, bounded; asserts what was posted, not how fast. The meter is heard process-wide, so a
        // bot in a test running alongside may post first: this bot's own post is the one in its feed.
        var post = (BotTelemetry.KindTag, "post");
        for (var tries = 0; tries < 150 && !(metrics.Has(BotTelemetry.IncidentMessagesName, (BotTelemetry.ChannelTag, "webfeed"), post)
            && (await bot.Client.GetFromJsonAsync<List<object>>("webchat/api/feed") ?? []).Count > 0); tries++)
        {
            await Task.Delay(200);
        }

        Assert.True(metrics.Has(BotTelemetry.IncidentMessagesName, (BotTelemetry.ChannelTag, "webfeed"), (BotTelemetry.KindTag, "post")));
        Assert.Single(await bot.Client.GetFromJsonAsync<List<object>>("webchat/api/feed") ?? []);
    }
}
