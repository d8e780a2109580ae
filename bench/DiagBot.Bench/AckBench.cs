using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiagBot.Bot.Hosting;
using DiagBot.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bench;

/// <summary>
/// Slash-command acknowledgement: the bot in serve mode on loopback with a signing secret, 50 signed
/// /slack/commands posts at once, each timed until its 200 arrives. The sandbox adds L to every AWS call,
/// so a handler that diagnosed before acknowledging would show it.
/// </summary>
internal static class AckBench
{
    private const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    public static async Task<AckFigures> RunAsync(TimeSpan latency, int concurrency, int rounds)
    {
        // The bot's Web API calls go nowhere: port 9 (discard) on loopback refuses, which only the background sees.
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=None",
            "--DiagBot:Slack:SigningSecret=" + SigningSecret,
            "--DiagBot:Slack:BotToken=xoxb-bench-token",
            "--DiagBot:Slack:ApiBaseUrl=http://127.0.0.1:9/api/",
        ];
        await using var app = await DiagBotApp.BuildAsync(args);
        await app.StartAsync();
        try
        {
            app.Services.GetRequiredService<SandboxServer>().Faults.Set("ecs", SandboxFaults.AnyOperation, new SandboxFault { Latency = latency });
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            using var client = new HttpClient { BaseAddress = address };
            var subject = app.Services.GetRequiredService<SandboxServer>().Scenarios.First(s => s.Playbook == 7).Subject;
            await SendAsync(client, subject);
            var samples = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var timings = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => SendAsync(client, subject)));
                samples.AddRange(timings);
            }

            return new AckFigures(samples);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<double> SendAsync(HttpClient client, string subject)
    {
        var body = "team_id=T0BENCH&channel_id=C0BENCH&user_id=U0BENCH&command=%2Fdiagnose&text=" + Uri.EscapeDataString(subject)
            + "&response_url=" + Uri.EscapeDataString("http://127.0.0.1:9/response");
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(timestamp, body));
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/slack/commands answered {(int)response.StatusCode}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    // Slack's v0 signature: HMAC-SHA256 over "v0:<timestamp>:<body>" with the signing secret.
    private static string Sign(string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
}

internal sealed record AckFigures(IReadOnlyList<double> SamplesMs)
{
    public double P50 => Percentiles.Of(SamplesMs, 50);

    public double P99 => Percentiles.Of(SamplesMs, 99);
}
