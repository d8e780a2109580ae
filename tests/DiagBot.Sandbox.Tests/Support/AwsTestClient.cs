using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DiagBot.Sandbox.Tests.Support;

internal sealed record AwsReply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string ErrorType => Json.GetProperty("__type").GetString()!;
}

/// <summary>Sends signed JSON 1.1 and Query requests to the sandbox, with knobs to break the signature on purpose.</summary>
internal sealed class AwsTestClient(SandboxServer server)
{
    private static readonly HttpClient _http = new();

    public string? SecretOverride { get; init; }

    public string? AccessKeyOverride { get; init; }

    public string? RegionOverride { get; init; }

    public TimeSpan ClockOffset { get; init; }

    public bool Unsigned { get; init; }

    public Task<AwsReply> JsonAsync(string service, string target, object body, string contentType = "application/x-amz-json-1.1")
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return SendAsync(request, bytes, service);
    }

    public Task<AwsReply> QueryAsync(string service, IEnumerable<KeyValuePair<string, string>> form)
    {
        var text = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return SendAsync(request, bytes, service);
    }

    // A REST-JSON read (EKS): the operation is the path; no body, so the payload hash is of nothing.
    public Task<AwsReply> GetAsync(string service, string pathAndQuery) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, pathAndQuery)), [], service);

    private async Task<AwsReply> SendAsync(HttpRequestMessage request, byte[] bytes, string service)
    {
        if (!Unsigned)
        {
            TestSigner.Sign(request, bytes, service, RegionOverride ?? server.Options.Region, AccessKeyOverride ?? server.Options.AccessKeyId,
                SecretOverride ?? server.Options.SecretAccessKey, DateTimeOffset.UtcNow + ClockOffset);
        }

        using var response = await _http.SendAsync(request);
        return new AwsReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }
}
