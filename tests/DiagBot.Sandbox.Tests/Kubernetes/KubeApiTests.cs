using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Kubernetes;

[Collection(SandboxReads.Name)]
public sealed class KubeApiTests(SandboxFixture fixture)
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
    public async Task Pods_SetBasedSelector_ListsOnlyTheStableTrack()
    {
        var pods = await GetJsonAsync("api/v1/namespaces/shop/pods?labelSelector=" + Uri.EscapeDataString("app in (search-api),track notin (canary)"));

        var names = pods.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("metadata").GetProperty("name").GetString()).Order();
        Assert.Equal(["search-api-7b9d5c6f8-2vqkt", "search-api-7b9d5c6f8-8hzwm"], names);
    }

    [Fact]
    public async Task Pods_DoesNotExistSelector_ListsPodsWithoutTheLabel()
    {
        var pods = await GetJsonAsync("api/v1/namespaces/shop/pods?labelSelector=" + Uri.EscapeDataString("!track"));

        var names = pods.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("metadata").GetProperty("name").GetString()).Order();
        // search-api's pods carry a track label; the shop's other workloads do not (price-quote is lookalike-eks-app-504-upstream's pod).
        Assert.Equal(
            [
                "catalog-sync-5d8c7b6f4-m2x9q", "order-events-5f6b7c8d9-t3k8m", "price-quote-84d6b9c7f-x5m2t", "recommendations-7c5d8b9f4-q6w2z",
                "recommender-6f7b8c9d5-p4k7s", "reviews-api-6b9d7f5c8-w3m8k", "web-6d4b8c7f9-x9v5t", "web-7f9c6d5b8-k7p2n",
            ],
            names);
    }

    [Fact]
    public async Task Nodes_SetBasedSelector_FiltersByZone()
    {
        var nodes = await GetJsonAsync("api/v1/nodes?labelSelector=" + Uri.EscapeDataString("topology.kubernetes.io/zone notin (us-east-1a)"));

        Assert.All(nodes.GetProperty("items").EnumerateArray(), n => Assert.NotEqual("us-east-1a", n.GetProperty("metadata").GetProperty("labels").GetProperty("topology.kubernetes.io/zone").GetString()));
        Assert.Contains(nodes.GetProperty("items").EnumerateArray(), n => n.GetProperty("metadata").GetProperty("name").GetString() == "ip-10-0-37-112.ec2.internal");
    }

    [Fact]
    public async Task Pods_MalformedSelector_IsBadRequestStatus()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, "api/v1/namespaces/shop/pods?labelSelector=" + Uri.EscapeDataString("app in (search-api")));
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Status", "Failure", "BadRequest", 400), (status.GetProperty("kind").GetString(), status.GetProperty("status").GetString(), status.GetProperty("reason").GetString(), status.GetProperty("code").GetInt32()));
        Assert.Equal("unable to parse requirement: found '', expected: ',' or ')'", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Watch_WarningEvents_StreamsAddedEventsUntilTimeout()
    {
        using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, "api/v1/events?watch=true&timeoutSeconds=1&fieldSelector=type%3DWarning"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, line => Assert.Equal("ADDED", JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
        var reasons = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("object").GetProperty("reason").GetString()).Order();
        // Three sandbox failures: the ContainerCreating incidents' (no IP, aws-node failing), and the one their look-alike recovered
        // from; the failing aws-node's own back-off and its MissingIAMPermissions; the image pull's Failed, ErrImagePull, ImagePullBackOff.
        Assert.Equal(
            ["BackOff", "BackOff", "BackOff", "Failed", "Failed", "Failed", "FailedCreatePodSandBox", "FailedCreatePodSandBox", "FailedCreatePodSandBox",
             "FailedScheduling", "FailedScheduling", "InstanceTerminating", "MissingIAMPermissions", "NodeNotReady", "OOMKilling", "SpotInterrupted",
             "TerminatingOnInterruption", "Unhealthy"],
            reasons);
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
