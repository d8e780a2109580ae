using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>Server-side printing (meta.k8s.io/v1 Table), which kubectl asks for with "as=Table" and prints as it comes.</summary>
internal static class KubeTables
{
    public static bool Wanted(HttpRequest request) => request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Table(KubeResource resource, IEnumerable<JsonObject> items, long resourceVersion, DateTimeOffset now)
    {
        var (columns, cells) = resource.Plural switch
        {
            "pods" => (KubeColumns.Pods, (Func<JsonObject, JsonNode?[]>)(p => KubeColumns.PodCells(p, now))),
            "nodes" => (KubeColumns.Nodes, n => KubeColumns.NodeCells(n, now)),
            "events" => (KubeColumns.Events, e => KubeColumns.EventCells(e, now)),
            "deployments" => (KubeDeploymentColumns.Columns, d => KubeDeploymentColumns.Cells(d, now)),
            "securitygrouppolicies" => (KubeColumns.SecurityGroupPolicies, KubeColumns.SecurityGroupPolicyCells),
            _ => (KubeColumns.NameAge, o => [KubeState.Name(o), KubeColumns.Age(o["metadata"]?["creationTimestamp"], now)]),
        };

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Name == "Name" ? "name" : string.Empty,
                ["description"] = c.Name,
                ["priority"] = c.Priority,
            })]),
            ["rows"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
            {
                ["cells"] = new JsonArray(cells(item)),
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = item["metadata"]!.DeepClone(),
                },
            })]),
        };
    }
}
