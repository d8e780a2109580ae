using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Kubernetes;

/// <summary>GET .../pods/{name}/log as the API server answers it: plain text, tailLines from the end, and Status refusals.</summary>
[Collection(SandboxReads.Name)]
public sealed class KubePodLogTests(SandboxFixture fixture)
{
    private const string CrashingPod = "api/v1/namespaces/payments/pods/settlement-worker-5f6d7c8b9-t4n2p/log";
    private static readonly HttpClient _http = new();

    [Fact]
    public async Task Log_PreviousRunWithTailLines_IsThePlainTextEndOfTheCrashedRun()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, $"{CrashingPod}?container=settlement-worker&previous=true&tailLines=2"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("FATAL config: SETTLEMENT_DB_DSN is required but empty", lines[0], StringComparison.Ordinal);
        Assert.Contains("FATAL", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_CurrentRunOfAWaitingContainer_IsBadRequestSayingItIsWaiting()
    {
        var (code, status) = await StatusAsync($"{CrashingPod}?container=settlement-worker");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("container \"settlement-worker\" in pod \"settlement-worker-5f6d7c8b9-t4n2p\" is waiting to start: CrashLoopBackOff", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Log_PreviousOfAContainerThatNeverRestarted_IsBadRequest()
    {
        var (code, status) = await StatusAsync("api/v1/namespaces/shop/pods/web-7f9c6d5b8-k7p2n/log?previous=true");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("previous terminated container \"web\" in pod \"web-7f9c6d5b8-k7p2n\" not found", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Log_UnknownContainer_IsNotValidForThePod()
    {
        var (code, status) = await StatusAsync($"{CrashingPod}?container=shell");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("container shell is not valid for pod settlement-worker-5f6d7c8b9-t4n2p", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Log_AccessDeniedFault_IsForbiddenOnTheSubresource()
    {
        fixture.Server.Faults.Set("kubernetes", "pods/log", new SandboxFault { Kind = SandboxFaultKind.AccessDenied, Times = 1 });

        var (code, status) = await StatusAsync($"{CrashingPod}?container=settlement-worker&previous=true");

        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Contains("cannot get resource \"pods/log\" in API group \"\" in the namespace \"payments\"", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_CoreV1_ListsThePodLogSubresource()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, "api/v1"));
        var resources = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("resources");

        var log = Assert.Single(resources.EnumerateArray(), r => r.GetProperty("name").GetString() == "pods/log");
        Assert.Equal(["get"], log.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()));
    }

    private async Task<(HttpStatusCode Code, JsonElement Status)> StatusAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, path));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
