using Amazon.Runtime;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Telemetry;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Hosting;

/// <summary>Reads the mode, starts the sandbox when it is the mode, and registers the diagnosis engine.</summary>
internal static class DiagBotSetup
{
    public static Task AddDiagBotAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default) =>
        builder.AddDiagBotAsync(sandbox: null, cancellationToken);

    /// <summary>The same, over a sandbox already running (tests share one) instead of starting its own in sandbox mode.</summary>
    public static async Task AddDiagBotAsync(this IHostApplicationBuilder builder, SandboxServer? sandbox, CancellationToken cancellationToken = default)
    {
        builder.AddTelemetry();
        builder.Logging.UseControlSafeConsole();
        var mode = BotModeSetting.Read(builder.Configuration);
        AWSCredentials? credentials = null;
        var origin = AnswerOrigin.Live;
        if (mode == BotMode.Sandbox)
        {
            var server = sandbox is null
                ? await SandboxWiring.StartAsync(builder.Configuration, cancellationToken).ConfigureAwait(false)
                : SandboxWiring.Join(builder.Configuration, sandbox);
            credentials = SandboxWiring.Credentials(server);
            origin = AnswerOrigin.Sandbox(server.Options.AccountId);
            builder.Services.AddSingleton(provider => new SandboxSnapshotClock(server.SeededAt, provider.GetRequiredService<TimeProvider>()));
            if (sandbox is null)
            {
                // Registered through a factory so the container owns it and disposes it with the host.
                builder.Services.AddSingleton(_ => server);
            }
            else
            {
                // Registered as an instance: whoever started it stops it.
                builder.Services.AddSingleton(sandbox);
            }
        }

        builder.Services.AddDiagnosisEngine(builder.Configuration, origin, credentials);
    }
}
