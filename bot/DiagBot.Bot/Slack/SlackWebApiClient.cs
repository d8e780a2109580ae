using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Slack's Web API over HTTP: JSON or form posts with a bearer token, `ok`/`error` answers, and 429 answered by
/// waiting the Retry-After seconds Slack names before trying again. Also posts to a `response_url`.
/// </summary>
internal sealed class SlackWebApiClient(HttpClient http, SlackOptions options, TimeProvider time, ILogger<SlackWebApiClient> logger)
{
    public const int MaxAttempts = 4;

    // files.getUploadURLExternal's upload_url points here; a URL elsewhere is not followed (see UploadAsync).
    private const string SlackFileHost = "files.slack.com";

    // Slack names the wait in seconds; a longer one than this is treated as this, so an answer is not held for minutes.
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public Task<JsonElement> CallAsync(string method, JsonObject arguments, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () => new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json"), token, cancellationToken);

    /// <summary>One attempt: a 429 is thrown as <see cref="SlackRateLimitedException"/> with Slack's Retry-After, for a caller that schedules instead of waiting.</summary>
    public async Task<JsonElement> CallOnceAsync(string method, JsonObject arguments, string token, CancellationToken cancellationToken) =>
        await CallAsync(method, () => new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json"), token, cancellationToken, waitOnRateLimit: false).ConfigureAwait(false);

    public Task<JsonElement> CallFormAsync(string method, IReadOnlyDictionary<string, string> arguments, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () => new FormUrlEncodedContent(arguments), token, cancellationToken);

    /// <summary>Posts a message to a slash command's or an interaction's `response_url`, which needs no token.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Post(responseUrl, new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"), null), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// POSTs a file's bytes to the upload_url files.getUploadURLExternal answered. The URL carries its own authority,
    /// so no token goes with it, and only Slack's file host over HTTPS (or the configured API's own host, for a Slack
    /// stand-in) is accepted: an answer cannot send DiagBot's data anywhere else.
    /// </summary>
    public async Task UploadAsync(Uri uploadUrl, byte[] bytes, CancellationToken cancellationToken)
    {
        var slack = uploadUrl.Scheme == Uri.UriSchemeHttps && string.Equals(uploadUrl.Host, SlackFileHost, StringComparison.OrdinalIgnoreCase);
        if (!slack && !string.Equals(uploadUrl.Authority, options.ApiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new SlackApiException("upload", "unexpected_upload_host");
        }

        using var response = await SendAsync(() => Post(uploadUrl, new ByteArrayContent(bytes), null), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("upload", "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<JsonElement> CallAsync(string method, Func<HttpContent> content, string token, CancellationToken cancellationToken, bool waitOnRateLimit = true)
    {
        var url = new Uri(options.ApiBaseUrl, method);
        using var response = await SendAsync(() => Post(url, content(), token), cancellationToken, waitOnRateLimit).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!SlackJson.TryParse(body, out var root))
        {
            throw new SlackApiException(method, "invalid_response");
        }

        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            throw new SlackApiException(method, root.Text("error") ?? "unknown_error");
        }

        return root;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken, bool waitOnRateLimit = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && !waitOnRateLimit)
            {
                var retryAfter = RetryAfter(response);
                response.Dispose();
                throw new SlackRateLimitedException(Describe(message.RequestUri), retryAfter);
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            logger.LogWarning("Slack rate-limited {Url}; waiting {Seconds} s as Retry-After asks (attempt {Attempt} of {Max})", Describe(message.RequestUri), wait.TotalSeconds, attempt, MaxAttempts);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // A Web API method is named by its path; a response_url carries a token in its path, so only its host is named.
    private string Describe(Uri? url) =>
        url is null ? "?" : options.ApiBaseUrl.IsBaseOf(url) ? url.AbsolutePath : url.Host;

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : DefaultRetryAfter);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static HttpRequestMessage Post(Uri url, HttpContent content, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}

/// <summary>Slack answered 429 to a call made once: try again after <see cref="RetryAfter"/>.</summary>
internal sealed class SlackRateLimitedException(string what, TimeSpan retryAfter) : Exception($"Slack rate-limited {what} for {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Slack answered a Web API call with `ok: false` (its error code) or an HTTP error.</summary>
internal sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}
