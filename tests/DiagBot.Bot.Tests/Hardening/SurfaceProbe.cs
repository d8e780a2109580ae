using System.Globalization;
using System.Net;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Sends one hostile request with a deadline and records what went wrong: a 5xx, a hang or a dropped connection.</summary>
internal sealed class SurfaceProbe(HttpClient client)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly List<string> _failures = [];

    public int Tried { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public static HttpRequestMessage Raw(string path, byte[] body, string contentType, string? bearer = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = content };
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        return request;
    }

    public static HttpRequestMessage SlackSigned(string path, byte[] body, string contentType)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Raw(path, body, contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Compute(SignedRequests.SigningSecret, timestamp, body));
        return request;
    }

    /// <param name="clientError">The input is wrong: the answer must be a 4xx that says what was wrong.</param>
    public async Task SendAsync(string name, HttpRequestMessage request, bool requireBody = false, HttpStatusCode? expected = null, bool clientError = false)
    {
        Tried++;
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            using var response = await client.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            if ((int)response.StatusCode >= 500)
            {
                _failures.Add($"{name}: {(int)response.StatusCode} {Clip(body)}");
            }
            else if (expected is { } status && response.StatusCode != status)
            {
                _failures.Add($"{name}: {(int)response.StatusCode}, expected {(int)status}");
            }
            else if (clientError && ((int)response.StatusCode is < 400 or > 499 || string.IsNullOrWhiteSpace(body)))
            {
                _failures.Add($"{name}: {(int)response.StatusCode} {Clip(body)}, expected a 4xx saying what was wrong");
            }
            else if (requireBody && response.StatusCode != HttpStatusCode.OK && string.IsNullOrWhiteSpace(body))
            {
                _failures.Add($"{name}: {(int)response.StatusCode} without a message");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            _failures.Add($"{name}: no answer within {Deadline.TotalSeconds} s");
        }
        catch (HttpRequestException exception)
        {
            _failures.Add($"{name}: connection failed ({exception.Message})");
        }
        finally
        {
            request.Dispose();
        }
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] : text;
}
