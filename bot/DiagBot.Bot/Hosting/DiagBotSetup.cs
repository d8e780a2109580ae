using Amazon.Runtime;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Telemetry;

namespace DiagBot.Bot.Hosting;

/// <summary>Reads the mode, starts the sandbox when it is the mode, and registers the diagnosis engine.</summary>
internal static class DiagBotSetup
{
    public static async Task AddDiagBotAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        builder.AddTelemetry();
        builder.Logging.UseControlSafeConsole();
        var mode = BotModeSetting.Read(builder.Configuration);
        AWSCredentials? credentials = null;
        var origin = AnswerOrigin.Live;
        if (mode == BotMode.Sandbox)
        {
            var (server, sandboxCredentials) = await SandboxWiring.StartAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
            credentials = sandboxCredentials;
            origin = AnswerOrigin.Sandbox(server.Options.AccountId);

            // Registered through a factory so the container owns it and disposes it with the host.
            builder.Services.AddSingleton(_ => server);
        }

        builder.Services.AddDiagnosisEngine(builder.Configuration, origin, credentials);
    }
}
