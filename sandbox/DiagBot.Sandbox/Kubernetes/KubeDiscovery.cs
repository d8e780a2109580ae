using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// The classic discovery documents. Clients that first ask for aggregated discovery (apidiscovery.k8s.io/v2) get these
/// as plain application/json and fall back to reading the group-version resource lists, as kubectl does.
/// </summary>
internal static class KubeDiscovery
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "31",
        ["gitVersion"] = "v1.31.4-eks-2d5f260",
        ["gitCommit"] = "0f8a3fbc4a7b4bd33f4a2d2c2c3d5e6f7a8b9c0d",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-10-14T08:12:40Z",
        ["goVersion"] = "go1.22.9",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(HttpRequest request) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = request.Host.Value }),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(KubeResource.All.Where(r => r.Group.Length > 0).Select(r => r.Group).Distinct().Select(group => (JsonNode)Group(group)).ToArray()),
    };

    public static JsonObject Group(string group)
    {
        var version = KubeResource.All.First(r => r.Group == group).Version;
        var preferred = new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(preferred.DeepClone()),
            ["preferredVersion"] = preferred,
        };
    }

    // A subresource is listed beside its resource, with an empty singular name and only the verbs it serves.
    private static JsonNode PodLog() => new JsonObject
    {
        ["name"] = "pods/log",
        ["singularName"] = string.Empty,
        ["namespaced"] = true,
        ["kind"] = "Pod",
        ["verbs"] = new JsonArray("get"),
    };

    public static JsonObject? Resources(string group, string version)
    {
        var resources = KubeResource.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = resources[0].GroupVersion,
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Singular,
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("get", "list", "watch"),
                ["shortNames"] = new JsonArray([.. r.ShortNames.Select(s => (JsonNode)JsonValue.Create(s)!)]),
            }), .. group.Length == 0 ? [PodLog()] : Array.Empty<JsonNode>()]),
        };
    }
}
