using System.Diagnostics;
using System.Net.Http.Json;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.Tests.Telemetry.Support;
using DiagBot.Diagnostics.Telemetry;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Telemetry;

/// <summary>A diagnosis asked of the running bot leaves one diagnosis span with a child span per evidence call.</summary>
public sealed class DiagnosisSpanTests
{
    [Fact]
    public async Task WebChatDiagnosis_OomTask_EmitsDiagnosisSpanWithEvidenceCallChildren()
    {
        await using var bot = await RunningBot.StartAsync();
        using var spans = new SpanRecorder();

        await DiagnoseAsync(bot, "p07-task-oom");

        var diagnosis = Assert.Single(spans.Spans(DiagnosisTelemetry.SourceName));
        Assert.Equal("diagnose task", diagnosis.DisplayName);
        Assert.Equal("task", diagnosis.GetTagItem(DiagnosisTelemetry.SubjectKindTag));
        Assert.Contains("task-out-of-memory", (string[])diagnosis.GetTagItem(DiagnosisTelemetry.PlaybooksRunTag)!);
        Assert.Contains("task-out-of-memory=confirmed", (string[])diagnosis.GetTagItem(DiagnosisTelemetry.StatusesTag)!);

        var calls = spans.Spans(EvidenceTelemetry.SourceName);
        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Equal(diagnosis.SpanId, call.ParentSpanId));
        var describe = Assert.Single(calls, call => call.DisplayName == "ecs DescribeTasks");
        Assert.Equal(ActivityKind.Client, describe.Kind);
        Assert.Equal("ecs", describe.GetTagItem(EvidenceTelemetry.ServiceTag));
        Assert.Equal("DescribeTasks", describe.GetTagItem(EvidenceTelemetry.OperationTag));
        Assert.Equal("us-east-1", describe.GetTagItem(EvidenceTelemetry.RegionTag));
        Assert.Equal("found", describe.GetTagItem(EvidenceTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, describe.Status);
    }

    [Fact]
    public async Task WebChatDiagnosis_LogsDenied_TheLogsCallSpanCarriesTheGapReason()
    {
        await using var bot = await RunningBot.StartWithOwnSandboxAsync();
        bot.Services.GetRequiredService<SandboxServer>().Faults.Set("logs", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        using var spans = new SpanRecorder();

        await DiagnoseAsync(bot, "p08-crash-loop");

        var denied = spans.Spans(EvidenceTelemetry.SourceName).Where(call => (string?)call.GetTagItem(EvidenceTelemetry.ServiceTag) == "logs").ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, call =>
        {
            Assert.Equal("access_denied", call.GetTagItem(EvidenceTelemetry.OutcomeTag));
            Assert.Equal("access_denied", call.GetTagItem(EvidenceTelemetry.ErrorTypeTag));
            Assert.Equal(ActivityStatusCode.Error, call.Status);
        });
    }

    [Fact]
    public async Task Diagnosis_BadSubject_IsTaggedBadInputWithoutTheSubjectText()
    {
        await using var bot = await RunningBot.StartAsync();
        using var spans = new SpanRecorder();

        using var response = await bot.Client.PostAsJsonAsync(new Uri("/webchat/api/messages", UriKind.Relative), new { text = "diagnose service ghost-service in prod" });
        await response.Content.ReadAsStringAsync();

        var diagnosis = Assert.Single(spans.Spans(DiagnosisTelemetry.SourceName));
        Assert.Equal("bad_input", diagnosis.GetTagItem(DiagnosisTelemetry.StatusTag));
        Assert.DoesNotContain(diagnosis.TagObjects, tag => tag.Value is string text && text.Contains("ghost-service", StringComparison.Ordinal));
    }

    internal static async Task DiagnoseAsync(RunningBot bot, string scenario)
    {
        var subject = bot.Services.GetRequiredService<SandboxServer>().Scenarios.Single(s => s.Name == scenario).Subject;
        using var response = await bot.Client.PostAsJsonAsync(new Uri("/webchat/api/messages", UriKind.Relative), new { text = "diagnose " + subject });
        var lines = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"verdict\"", lines, StringComparison.Ordinal);
    }
}
