using DiagBot.Bot.Hosting;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Rendering;

/// <summary>Terminal control characters quoted from evidence never reach the CLI's output nor the console log as written.</summary>
public sealed class ControlCharacterTests
{
    private const string Hostile = "clear \u001b[2J title \u001b]0;owned\u0007 csi \u009b31m bell \u0007 del \u007f bidi \u202Eevil\u202C cr\rover";

    [Fact]
    public void Cli_EvidenceWithTerminalControls_PrintsThemAsReplacementCharacters()
    {
        var report = Reports.OutOfMemory(reason: Hostile);

        var markdown = MarkdownRenderer.Render(report, AnswerOrigin.Live);
        var json = JsonRenderer.Render(report, AnswerOrigin.Live);

        Assert.All(new[] { markdown, json }, text => Assert.DoesNotMatch(@"[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]", text));
        Assert.Contains("clear \uFFFD[2J", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_NewlineTabAndCrlf_AreKept()
    {
        Assert.Equal("a\nb\tc\nd", ControlCharacters.Replace("a\nb\tc\r\nd"));
    }

    [Fact]
    public void ConsoleFormatter_MessageWithTerminalControls_WritesThemReplaced()
    {
        var sut = new ControlSafeConsoleFormatter(new FixedOptions(new SimpleConsoleFormatterOptions()), new FakeTimeProvider());
        using var written = new StringWriter();

        sut.Write(new LogEntry<string>(LogLevel.Warning, "DiagBot.Audit", new EventId(3), "reason: " + Hostile, null, (state, _) => state), null, written);

        Assert.StartsWith("warn: DiagBot.Audit[3]", written.ToString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[\u001b\u0007\u009b\u007f\u202E]", written.ToString());
        Assert.Contains("clear \uFFFD[2J", written.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeMode_ConsoleLog_UsesTheControlSafeFormatter()
    {
        await using var bot = await RunningBot.StartAsync();

        var options = bot.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(ControlSafeConsoleFormatter.FormatterName, options.FormatterName);
    }

    private sealed class FixedOptions(SimpleConsoleFormatterOptions value) : IOptionsMonitor<SimpleConsoleFormatterOptions>
    {
        public SimpleConsoleFormatterOptions CurrentValue => value;

        public SimpleConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SimpleConsoleFormatterOptions, string?> listener) => null;
    }
}
