using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

// The columns `kubectl get deployments` shows, as the API server's deployment printer computes them.
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
        var selector = deployment["spec"]?["selector"]?["matchLabels"]?.AsObject().Select(l => $"{l.Key}={l.Value?.GetValue<string>()}") ?? [];
        return
        [
            KubeState.Name(deployment), string.Create(CultureInfo.InvariantCulture, $"{Count("readyReplicas")}/{desired}"), Count("updatedReplicas"), Count("availableReplicas"),
            KubeColumns.Age(deployment["metadata"]?["creationTimestamp"], now),
            string.Join(",", containers.Select(c => c["name"]?.GetValue<string>())), string.Join(",", containers.Select(c => c["image"]?.GetValue<string>())), string.Join(",", selector),
        ];
    }
}
