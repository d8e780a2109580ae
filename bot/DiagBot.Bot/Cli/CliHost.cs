using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Cli;

/// <summary>The same configuration and services as serve mode, without the web server; logs go to stderr.</summary>
internal static class CliHost
{
    public static async Task<IHost> BuildAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Standard output carries the answer (JSON for scripts); only warnings, and only on standard error.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        await builder.AddDiagBotAsync(cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }
}
