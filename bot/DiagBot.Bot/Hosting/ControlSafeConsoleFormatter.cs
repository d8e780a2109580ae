using DiagBot.Bot.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The console's simple format ("info: Category[0]" then the indented message), with terminal control characters
/// in the message replaced: a log line quotes evidence (a stoppedReason, a pod's message, what a user typed), and
/// an escape sequence in it must not drive the operator's terminal. The JSON formatter escapes them already.
/// </summary>
internal sealed class ControlSafeConsoleFormatter(IOptionsMonitor<SimpleConsoleFormatterOptions> options, TimeProvider clock) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "diagbot-simple";

    private const string Padding = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } format)
        {
            var now = settings.UseUtcTimestamp ? clock.GetUtcNow() : clock.GetLocalNow();
            textWriter.Write(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write(']');
        textWriter.Write(settings.SingleLine ? " " : Environment.NewLine + Padding);
        WriteIndented(textWriter, message, settings.SingleLine);
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(settings.SingleLine ? " " : Environment.NewLine + Padding);
            WriteIndented(textWriter, exception.ToString(), settings.SingleLine);
        }

        textWriter.Write(Environment.NewLine);
    }

    private static void WriteIndented(TextWriter writer, string text, bool singleLine)
    {
        var safe = ControlCharacters.Replace(text);
        writer.Write(singleLine ? safe.Replace("\n", " ", StringComparison.Ordinal) : safe.Replace("\n", Environment.NewLine + Padding, StringComparison.Ordinal));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
