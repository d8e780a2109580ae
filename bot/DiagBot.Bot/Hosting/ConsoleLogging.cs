using Microsoft.Extensions.Logging.Console;

namespace DiagBot.Bot.Hosting;

/// <summary>The console's simple format is replaced by <see cref="ControlSafeConsoleFormatter"/>; a chosen "json" or "systemd" stays.</summary>
internal static class ConsoleLogging
{
    public static void UseControlSafeConsole(this ILoggingBuilder logging)
    {
        logging.AddConsoleFormatter<ControlSafeConsoleFormatter, SimpleConsoleFormatterOptions>();
        logging.Services.Configure<ConsoleLoggerOptions>(options =>
        {
            if (options.FormatterName is null || options.FormatterName.Equals(ConsoleFormatterNames.Simple, StringComparison.OrdinalIgnoreCase))
            {
                options.FormatterName = ControlSafeConsoleFormatter.FormatterName;
            }
        });
    }
}
