using Amazon.Runtime;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The embedded default: the sandbox starts in-process on a free loopback port and the live clients
/// talk to it over HTTP with signed requests, so the first path a user tries is the path production takes. The settings
/// that point DiagBot at it are the sandbox's own (<see cref="DiagBotSettings"/>); public for the bench, which signs
/// with the sandbox's key the same way.
/// </summary>
public static class SandboxWiring
{
    public const string SectionKey = "DiagBot:Sandbox";
    public const string ScaleKey = SectionKey + ":Scale";
    public const string RateLimitsKey = SectionKey + ":RateLimits";

    internal static async Task<SandboxServer> StartAsync(IConfigurationManager configuration, CancellationToken cancellationToken)
    {
        var options = new SandboxOptions { Scale = Scale(configuration[ScaleKey]), EnforceRateLimits = configuration.GetValue<bool>(RateLimitsKey) };
        var server = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return Join(configuration, server);
    }

    /// <summary>Points DiagBot's settings at a running sandbox.</summary>
    internal static SandboxServer Join(IConfigurationManager configuration, SandboxServer server)
    {
        configuration.AddInMemoryCollection(DiagBotSettings.For(server));
        return server;
    }

    /// <summary>The sandbox's own access key, which its signature check accepts.</summary>
    public static AWSCredentials Credentials(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new BasicAWSCredentials(server.Options.AccessKeyId, server.Options.SecretAccessKey);
    }

    private static SandboxScale Scale(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "small" => SandboxScale.Small,
        "large" => SandboxScale.Large,
        _ => throw new InvalidConfigurationException($"{ScaleKey} is '{value}'; it must be 'small' or 'large'. Set it in appsettings.json or as DiagBot__Sandbox__Scale."),
    };
}
