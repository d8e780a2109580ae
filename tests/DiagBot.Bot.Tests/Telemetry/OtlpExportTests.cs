using DiagBot.Bot.Hosting;
using DiagBot.Bot.Telemetry;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.Tests.Telemetry.Support;
using DiagBot.Diagnostics.Telemetry;
using DiagBot.Playbooks.Diagnosis;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DiagBot.Bot.Tests.Telemetry;

/// <summary>With an OTLP endpoint configured, the bot POSTs its spans and metrics there as OTLP/HTTP protobuf.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Diagnosis_WithOtlpEndpoint_PostsTheDiagnosisAndCallSpansAndTheMetrics()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var bot = await RunningBot.StartAsync("--DiagBot:Telemetry:OtlpEndpoint=" + collector.BaseAddress);

        // The exporter hears DiagBot's sources process-wide, so a bot in a test running alongside exports its
        // diagnoses here too: this test's own are those in the trace of its root span.
        using var recorder = new SpanRecorder();
        await DiagnosisSpanTests.DiagnoseAsync(bot, "p07-task-oom");
        // Export is batched; a flush sends what is pending and waits for the collector's answer.
        Assert.True(bot.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush());

        Assert.All(collector.Requests, request => Assert.Equal("application/x-protobuf", request.ContentType));
        var trace = recorder.Root.TraceId.ToHexString();
        var spans = collector.Bodies("/v1/traces").SelectMany(OtlpRequests.Spans).Where(span => span.TraceId == trace).ToList();
        var diagnosis = Assert.Single(spans, span => span.Name == "diagnose task");
        Assert.Equal("task", diagnosis.Attributes[DiagnosisTelemetry.SubjectKindTag]);
        var describe = Assert.Single(spans, span => span.Name == "ecs DescribeTasks");
        Assert.Equal(diagnosis.TraceId, describe.TraceId);
        Assert.Equal(diagnosis.SpanId, describe.ParentSpanId);
        Assert.Equal("found", describe.Attributes[EvidenceTelemetry.OutcomeTag]);
        Assert.Equal("us-east-1", describe.Attributes[EvidenceTelemetry.RegionTag]);

        var points = collector.Bodies("/v1/metrics").SelectMany(OtlpRequests.Points).ToList();
        Assert.Contains(points, p => p.Metric == DiagnosisTelemetry.VerdictsName
            && p.Attributes[DiagnosisTelemetry.PlaybookTag] == "task-out-of-memory" && p.Attributes[DiagnosisTelemetry.StatusTag] == "confirmed");
        Assert.Contains(points, p => p.Metric == EvidenceTelemetry.CallDurationName
            && p.Attributes[EvidenceTelemetry.ServiceTag] == "ecs" && p.Attributes[EvidenceTelemetry.OperationTag] == "DescribeTasks");
    }

    [Fact]
    public async Task SlashCommand_WithOtlpEndpoint_NoSpanCarriesTheResponseUrlsToken()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var sut = await SlackBot.StartAsync("--DiagBot:Telemetry:OtlpEndpoint=" + collector.BaseAddress);
        const string token = "Xk9secretResponseToken";
        var responseUrl = sut.Slack.ResponseUrl(token);

        await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(sut.SubjectOf("p07-task-oom"), responseUrl)));
        await sut.Slack.WaitForAsync("response/" + token);

        // The bot's span of that POST ends when the fake Slack's answer is back; flush until it has been exported.
        var slack = sut.Slack.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        List<OtlpSpan> outgoing = [];
        for (var tries = 0; tries < 100 && !outgoing.Any(span => span.Attributes["url.full"] == slack); tries++)
        {
            await Task.Delay(100);
            Assert.True(sut.Bot.Services.GetRequiredService<TracerProvider>().ForceFlush());
            outgoing = [.. collector.Bodies("/v1/traces").SelectMany(OtlpRequests.Spans).Where(span => span.Attributes.ContainsKey("url.full"))];
        }

        // Client spans carry url.full. (The fake Slack's own server span, recorded because it shares this test
        // process, rightly names the path it served; no DiagBot host has a server like it.)
        Assert.Contains(outgoing, span => span.Attributes["url.full"] == slack);
        Assert.DoesNotContain(outgoing, span => span.Attributes.Values.Any(value => value.Contains(token, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NoEndpoint_RegistersNoExporter()
    {
        await using var bot = await RunningBot.StartAsync();

        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.False(bot.Services.GetRequiredService<TelemetryOptions>().Exports);
    }

    [Theory]
    [InlineData("--DiagBot:Telemetry:OtlpEndpoint=otel-collector:4318", "DiagBot:Telemetry:OtlpEndpoint is 'otel-collector:4318'")]
    [InlineData("--DiagBot:Telemetry:OtlpEndpoint=ftp://127.0.0.1/", "not an http or https address")]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT=nonsense", "OTEL_EXPORTER_OTLP_ENDPOINT is 'nonsense'")]
    public async Task BadEndpoint_StopsStartUpNamingTheSetting(string setting, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => RunningBot.StartAsync(setting));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("http://otel-collector:4318", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadProtocol_StopsStartUpWithTheChoices()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => RunningBot.StartAsync(
            "--DiagBot:Telemetry:OtlpEndpoint=http://127.0.0.1:4318", "--DiagBot:Telemetry:OtlpProtocol=http/json"));

        Assert.Contains("DiagBot:Telemetry:OtlpProtocol is 'http/json'; use http/protobuf", error.Message, StringComparison.Ordinal);
    }
}
