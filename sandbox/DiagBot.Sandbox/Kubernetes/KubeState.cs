using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

// The objects the simulated cluster holds, kept as the JSON the API server returns, per resource type.
internal sealed class KubeState
{
    private readonly Dictionary<KubeResource, List<JsonObject>> _objects = KubeResource.All.ToDictionary(r => r, _ => new List<JsonObject>());
    private long _resourceVersion = 4_812_000;

    public long ResourceVersion => _resourceVersion;

    public IReadOnlyList<JsonObject> List(KubeResource resource) => _objects[resource];

    public JsonObject Add(KubeResource resource, JsonObject item)
    {
        var metadata = item["metadata"]!.AsObject();
        metadata["resourceVersion"] ??= (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata["uid"] ??= Guid.NewGuid().ToString();
        _objects[resource].Add(item);
        return item;
    }

    public static string? Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>();

    public static string? Namespace(JsonObject item) => item["metadata"]?["namespace"]?.GetValue<string>();
}
