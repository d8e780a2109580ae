using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>The columns `kubectl get deployments` shows, as the API server's deployment printer computes them.</summary>
internal static class KubeDeploymentColumns
{
    public static IReadOnlyList<KubeColumns.Column> Columns { get; } =
    [
        new("Name", "string"), new("Ready", "string"), new("Up-to-date", "integer"), new("Available", "integer"), new("Age", "string"),
        new("Containers", "string", 1), new("Images", "string", 1), new("Selector", "string", 1),
    ];

    public static JsonNode?[] Cells(JsonObject deployment, DateTimeOffset now)
    {
        var status = deployment["status"];
        int Count(string name) => status?[name]?.GetValue<int>() ?? 0;
        var desired = deployment["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var containers = deployment["spec"]?["template"]?["spec"]?["containers"]?.AsArray().Select(c => c!.AsObject()).ToList() ?? [];
        return
        [
            KubeState.Name(deployment), string.Create(CultureInfo.InvariantCulture, $"{Count("readyReplicas")}/{desired}"), Count("updatedReplicas"), Count("availableReplicas"),
            KubeColumns.Age(deployment["metadata"]?["creationTimestamp"], now),
            string.Join(",", containers.Select(c => c["name"]?.GetValue<string>())), string.Join(",", containers.Select(c => c["image"]?.GetValue<string>())), Selector(deployment["spec"]?["selector"]),
        ];
    }

    // The selector as the printer writes it: every matchLabels and matchExpressions requirement, sorted by key.
    private static string Selector(JsonNode? selector)
    {
        var labels = selector?["matchLabels"]?.AsObject().Select(l => (l.Key, Text: $"{l.Key}={l.Value?.GetValue<string>()}")) ?? [];
        var expressions = selector?["matchExpressions"]?.AsArray().Select(e =>
        {
            var key = e?["key"]?.GetValue<string>() ?? string.Empty;
            var values = string.Join(",", (e?["values"]?.AsArray() ?? []).Select(v => v?.GetValue<string>()).Order(StringComparer.Ordinal));
            return (Key: key, Text: e?["operator"]?.GetValue<string>() switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "DoesNotExist" => $"!{key}",
                _ => key,
            });
        }) ?? [];
        return string.Join(",", labels.Concat(expressions).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }
}
