using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// GET /api/v1/namespaces/{ns}/pods/{name}/log: the seeded output of a container's current or previous run, as plain
/// text, with the API server's own refusals when the container is ambiguous, unknown, waiting, or has no previous run.
/// </summary>
internal static class KubePodLogs
{
    /// <summary>
    /// The API server checks the container before it proxies the read to the kubelet, so only a read that passed those
    /// checks waits for an unreachable kubelet's dial (<see cref="KubeState.KubeletDialTimeout"/>) before failing.
    /// </summary>
    public static async Task<string> ReadAsync(KubeState state, string ns, string name, IQueryCollection query, TimeProvider clock, CancellationToken dialing)
    {
        var pod = state.List(KubeResource.Pods).FirstOrDefault(o => KubeState.Name(o) == name && KubeState.Namespace(o) == ns)
            ?? throw new KubeException(404, "NotFound", $"pods \"{name}\" not found", name, "pods");
        var containers = pod["spec"]?["containers"]?.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList() ?? [];
        var container = query["container"].ToString();
        if (container.Length == 0)
        {
            container = containers.Count == 1
                ? containers[0]
                : throw new KubeException(400, "BadRequest", $"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]");
        }

        if (!containers.Contains(container))
        {
            throw new KubeException(400, "BadRequest", $"container {container} is not valid for pod {name}");
        }

        var previous = query["previous"] is ["true"] or ["1"];
        var status = pod["status"]?["containerStatuses"]?.AsArray().FirstOrDefault(c => c?["name"]?.GetValue<string>() == container)?.AsObject();
        if (previous && status?["lastState"]?["terminated"] is null)
        {
            throw new KubeException(400, "BadRequest", $"previous terminated container \"{container}\" in pod \"{name}\" not found");
        }

        if (!previous && status?["state"]?["waiting"] is JsonObject waiting)
        {
            throw new KubeException(400, "BadRequest", $"container \"{container}\" in pod \"{name}\" is waiting to start: {waiting["reason"]?.GetValue<string>()}");
        }

        // The API server proxies the read to the node's kubelet; when it cannot dial it, it answers 500 with the dial error,
        // as in terraform-aws-modules/terraform-aws-eks#2660: Get "https://10.0.37.234:10250/containerLogs/default/nginx/nginx": dial tcp 10.0.37.234:10250: i/o timeout
        // (k8s.io/apiserver pkg/registry/generic/rest/streamer.go: LocationStreamer.InputStream returns net/http's client.Do
        // error as it is, which Go words `Get "<url>": dial tcp <ip>:10250: i/o timeout`). A plain error carries no reason:
        // responsewriters.ErrorToAPIStatus gives it StatusReasonUnknown (""), so kubectl prints "Error from server: Get ...".
        if (pod["spec"]?["nodeName"]?.GetValue<string>() is { } node && state.IsKubeletUnreachable(node))
        {
            await Task.Delay(state.KubeletDialTimeout, clock, dialing);
            var ip = state.List(KubeResource.Nodes).FirstOrDefault(n => KubeState.Name(n) == node)?["status"]?["addresses"]?.AsArray()
                .FirstOrDefault(a => a?["type"]?.GetValue<string>() == "InternalIP")?["address"]?.GetValue<string>() ?? node;
            var suffix = query["tailLines"] is [{ } tailText] ? $"?tailLines={tailText}" : string.Empty;
            throw new KubeException(500, string.Empty, $"Get \"https://{ip}:10250/containerLogs/{ns}/{name}/{container}{suffix}\": dial tcp {ip}:10250: i/o timeout");
        }

        var lines = state.Logs(ns, name, container, previous);
        if (int.TryParse(query["tailLines"], CultureInfo.InvariantCulture, out var tail) && tail >= 0)
        {
            lines = lines.Skip(Math.Max(0, lines.Count - tail)).ToList();
        }

        return string.Concat(lines.Select(line => line + "\n"));
    }
}
