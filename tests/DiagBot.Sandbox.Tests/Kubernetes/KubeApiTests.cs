using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Kubernetes;

public sealed class KubeApiTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly HttpClient _http = new();

    [Fact]
    public async Task Discovery_CoreAndApps_ListServedResources()
    {
        var core = await GetJsonAsync("api/v1");
        var apps = await GetJsonAsync("apis/apps/v1");
        var groups = await GetJsonAsync("apis");

        Assert.Contains(core.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "pods");
        Assert.Contains(apps.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "daemonsets");
        Assert.Equal("APIGroupList", groups.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Events_FieldSelectorOnInvolvedObject_ReturnsOnlyThatPodsEvents()
    {
        var events = await GetJsonAsync("api/v1/namespaces/checkout/events?fieldSelector=involvedObject.name%3Dcart-worker-5b7c9d8f6-h4k2m,involvedObject.kind%3DPod");

        var reasons = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Equal(["Scheduled", "FailedCreatePodSandBox"], reasons);
    }

    [Fact]
    public async Task Pods_LabelSelector_FiltersByApp()
    {
        var pods = await GetJsonAsync("api/v1/namespaces/shop/pods?labelSelector=app%3Dweb");

        Assert.Equal("PodList", pods.GetProperty("kind").GetString());
        Assert.Equal(2, pods.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Watch_WarningEvents_StreamsAddedEventsUntilTimeout()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, "api/v1/events?watch=true&timeoutSeconds=1&fieldSelector=type%3DWarning"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, line => Assert.Equal("ADDED", JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
        var reasons = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("object").GetProperty("reason").GetString()).Order();
        Assert.Equal(["BackOff", "FailedCreatePodSandBox", "FailedScheduling", "NodeNotReady", "OOMKilling", "Unhealthy"], reasons);
    }

    [Fact]
    public async Task Pod_Unknown_IsNotFoundStatus()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, "api/v1/namespaces/shop/pods/nope"));
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", status.GetProperty("reason").GetString());
        Assert.Equal("pods \"nope\" not found", status.GetProperty("message").GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.BaseAddress, path));
        request.Headers.Authorization = new("Bearer", "any-token");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
