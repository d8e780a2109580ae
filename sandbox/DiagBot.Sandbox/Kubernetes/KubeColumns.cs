using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>The columns kubectl shows for each resource, computed the way the API server's printers do.</summary>
internal static class KubeColumns
{
    public sealed record Column(string Name, string Type, int Priority = 0);

    public static IReadOnlyList<Column> NameAge { get; } = [new("Name", "string"), new("Age", "string")];

    public static IReadOnlyList<Column> Pods { get; } =
    [
        new("Name", "string"), new("Ready", "string"), new("Status", "string"), new("Restarts", "string"), new("Age", "string"),
        new("IP", "string", 1), new("Node", "string", 1), new("Nominated Node", "string", 1), new("Readiness Gates", "string", 1),
    ];

    public static IReadOnlyList<Column> Nodes { get; } =
    [
        new("Name", "string"), new("Status", "string"), new("Roles", "string"), new("Age", "string"), new("Version", "string"),
        new("Internal-IP", "string", 1), new("External-IP", "string", 1), new("OS-Image", "string", 1), new("Kernel-Version", "string", 1), new("Container-Runtime", "string", 1),
    ];

    public static IReadOnlyList<Column> Events { get; } =
    [
        new("Last Seen", "string"), new("Type", "string"), new("Reason", "string"), new("Object", "string"), new("Message", "string"),
    ];

    /// <summary>
    /// The CRD's one additionalPrinterColumn (Security-Group-Ids, .spec.securityGroups.groupIds) after the implicit Name; Age is
    /// only the default of a CRD that lists no column (apiextensions-apiserver, serveDefaultColumnsIfEmpty).
    /// </summary>
    public static IReadOnlyList<Column> SecurityGroupPolicies { get; } = [new("Name", "string"), new("Security-Group-Ids", "string")];

    /// <summary>A JSONPath column that selects an array prints it as JSON, as the CRD table convertor does.</summary>
    public static JsonNode?[] SecurityGroupPolicyCells(JsonObject policy) =>
        [KubeState.Name(policy), policy["spec"]?["securityGroups"]?["groupIds"]?.ToJsonString() ?? "<none>"];

    public static JsonNode?[] PodCells(JsonObject pod, DateTimeOffset now)
    {
        var statuses = pod["status"]?["containerStatuses"]?.AsArray().Select(s => s!.AsObject()).ToList() ?? [];
        var total = pod["spec"]?["containers"]?.AsArray().Count ?? 0;
        var ready = statuses.Count(s => s["ready"]?.GetValue<bool>() == true);
        var restarts = statuses.Sum(s => s["restartCount"]?.GetValue<int>() ?? 0);
        var reason = statuses.Select(s => s["state"]?["waiting"]?["reason"] ?? s["state"]?["terminated"]?["reason"])
            .FirstOrDefault(r => r is not null)?.GetValue<string>();
        var status = reason ?? pod["status"]?["phase"]?.GetValue<string>() ?? "Unknown";
        return
        [
            KubeState.Name(pod), $"{ready}/{total}", status, restarts.ToString(CultureInfo.InvariantCulture),
            Age(pod["metadata"]?["creationTimestamp"], now),
            pod["status"]?["podIP"]?.GetValue<string>() ?? "<none>", pod["spec"]?["nodeName"]?.GetValue<string>() ?? "<none>", "<none>", "<none>",
        ];
    }

    public static JsonNode?[] NodeCells(JsonObject node, DateTimeOffset now)
    {
        var ready = node["status"]?["conditions"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready")?["status"]?.GetValue<string>() == "True";
        var info = node["status"]?["nodeInfo"];
        var addresses = node["status"]?["addresses"]?.AsArray() ?? [];
        string Address(string type) => addresses.FirstOrDefault(a => a?["type"]?.GetValue<string>() == type)?["address"]?.GetValue<string>() ?? "<none>";
        return
        [
            KubeState.Name(node), ready ? "Ready" : "NotReady", "<none>", Age(node["metadata"]?["creationTimestamp"], now),
            info?["kubeletVersion"]?.GetValue<string>(), Address("InternalIP"), Address("ExternalIP"),
            info?["osImage"]?.GetValue<string>(), info?["kernelVersion"]?.GetValue<string>(), info?["containerRuntimeVersion"]?.GetValue<string>(),
        ];
    }

    /// <summary>An events.k8s.io event seen through core/v1 has a series and no lastTimestamp; the printer reads the series first.</summary>
    public static JsonNode?[] EventCells(JsonObject e, DateTimeOffset now) =>
    [
        Age(e["series"]?["lastObservedTime"] ?? e["lastTimestamp"] ?? e["eventTime"], now), e["type"]?.GetValue<string>(), e["reason"]?.GetValue<string>(),
        $"{e["involvedObject"]?["kind"]?.GetValue<string>()?.ToLowerInvariant()}/{e["involvedObject"]?["name"]?.GetValue<string>()}",
        e["message"]?.GetValue<string>(),
    ];

    /// <summary>Like the API server's human duration: 45s, 12m, 5h, 3d.</summary>
    public static string Age(JsonNode? timestamp, DateTimeOffset now)
    {
        if (timestamp is null || !DateTimeOffset.TryParse(timestamp.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var then))
        {
            return "<unknown>";
        }

        var age = now - then;
        return age.TotalSeconds < 120 ? $"{(int)Math.Max(0, age.TotalSeconds)}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
