using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks.Diagnosis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiagBot.Bot.Tests.Chat;

public sealed class AuditLineTests
{
    [Fact]
    public async Task Diagnose_AnyRequest_LeavesOneStructuredAuditLine()
    {
        await using var bot = await RunningBot.StartAsync();
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(provider));
        var sut = new DiagnosisService(bot.Services.GetRequiredService<Diagnoser>(), TimeProvider.System, loggers);

        await sut.DiagnoseAsync("service notification-worker in prod", new Requester("slack", "U024BE7LH", "C0INCIDENTS"), CancellationToken.None);

        var (category, fields, message) = Assert.Single(provider.Entries);
        Assert.Equal(DiagnosisService.AuditCategory, category);
        Assert.Equal("U024BE7LH", fields["Who"]);
        Assert.Equal("slack", fields["Channel"]);
        Assert.Equal("C0INCIDENTS", fields["Where"]);
        Assert.Equal("service notification-worker in prod", fields["Subject"]);
        Assert.StartsWith("8:confirmed", (string)fields["Verdicts"]!, StringComparison.Ordinal);
        Assert.IsType<long>(fields["DurationMs"]);
        Assert.Contains("U024BE7LH via slack", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BadInput_IsAuditedWithTheProblem()
    {
        await using var bot = await RunningBot.StartAsync();
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(provider));
        var sut = new DiagnosisService(bot.Services.GetRequiredService<Diagnoser>(), TimeProvider.System, loggers);

        await sut.DiagnoseAsync("arn:nope", new Requester("webchat", Where: "127.0.0.1"), CancellationToken.None);

        var (_, fields, _) = Assert.Single(provider.Entries);
        Assert.StartsWith("bad input:", (string)fields["Verdicts"]!, StringComparison.Ordinal);
        Assert.Equal("unknown", fields["Who"]);
    }
}
