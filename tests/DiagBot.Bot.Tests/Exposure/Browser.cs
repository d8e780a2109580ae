using System.Net;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// An HTTP client that keeps cookies by hand and follows no redirect, so a test walks a sign-in step by step. By hand
/// because the bot's sign-in cookies are marked Secure and the test talks plain http to loopback.
/// </summary>
internal sealed class Browser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    public Uri BaseAddressOf() => baseAddress;

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative)));

    public Task<HttpResponseMessage> PostFormAsync(Uri url, IDictionary<string, string> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

    public static bool Refused(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    public void Dispose() => _client.Dispose();
}
