using System.Globalization;

namespace DiagBot.Bot.Cli;

/// <summary>
/// `healthcheck [port]`: GET http://127.0.0.1:&lt;port&gt;/healthz, exit 0 when it answers 2xx, 1 otherwise. The aspnet
/// runtime image has no curl or wget, so the container's HEALTHCHECK runs this.
/// </summary>
internal static class HealthcheckCommand
{
    public const int DefaultPort = 8080;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        var port = DefaultPort;
        if (args.Length > 0 && (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            await error.WriteLineAsync($"healthcheck: '{args[0]}' is not a port").ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return CliApp.ExitVerdict;
            }

            await error.WriteLineAsync($"healthcheck: /healthz answered {(int)response.StatusCode}").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"healthcheck: /healthz on port {port} did not answer: {exception.Message}").ConfigureAwait(false);
        }

        return CliApp.ExitNothingMatched;
    }
}
