using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// Serve mode in live mode on loopback, with every AWS endpoint pointed at a closed loopback port: what a deployment
/// exposes can be tried without an AWS account, and nothing the tests send could reach AWS.
/// </summary>
internal static class LiveBot
{
    public static readonly string[] Settings =
    [
        "--DiagBot:Mode=live",
        "--DiagBot:Aws:Region=us-east-1",
        "--DiagBot:Aws:EndpointUrl=http://127.0.0.1:9/",
        "--DiagBot:Aws:Accounts:0:AccountId=123456789012",
        "--DiagBot:Aws:Accounts:0:Regions:0=us-east-1",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:DiagBot.Audit=Information",
    ];

    public static Task<RunningBot> StartAsync(params string[] settings) => RunningBot.StartAsync([.. Settings, .. settings]);

    // The host's logger factory takes a provider after start; loggers it already made write to it too.
    public static CapturingLoggerProvider Capture(RunningBot bot)
    {
        var provider = new CapturingLoggerProvider();
        bot.Services.GetRequiredService<ILoggerFactory>().AddProvider(provider);
        return provider;
    }

    public static IReadOnlyDictionary<string, object?> SingleAuditLine(CapturingLoggerProvider audit) =>
        Assert.Single(audit.Entries, entry => entry.Category == DiagnosisService.AuditCategory).Fields;
}
