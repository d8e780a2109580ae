using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

// GET /api/v1/namespaces/{ns}/pods/{name}/log: the seeded output of a container's current or previous run, as plain
// text, with the API server's own refusals when the container is ambiguous, unknown, waiting, or has no previous run.
internal static class KubePodLogs
{
    public static string Read(KubeState state, string ns, string name, IQueryCollection query)
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

        var lines = state.Logs(ns, name, container, previous);
        if (int.TryParse(query["tailLines"], CultureInfo.InvariantCulture, out var tail) && tail >= 0)
        {
            lines = lines.Skip(Math.Max(0, lines.Count - tail)).ToList();
        }

        return string.Concat(lines.Select(line => line + "\n"));
    }
}
