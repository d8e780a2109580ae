using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

// A watch (?watch=true): the seeded world does not change, so the server sends each matching object as an ADDED event
// (one JSON object per line, as the API server does) unless the client already listed them, then holds the stream open until the client leaves, the watch's
// timeoutSeconds pass, or the sandbox stops.
internal static class KubeWatch
{
    public static async Task StreamAsync(HttpContext context, KubeResource resource, IReadOnlyList<JsonObject> items, long resourceVersion, TimeProvider clock, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "application/json";
        var table = KubeTables.Wanted(context.Request);

        // A watch from a list's resourceVersion wants only changes since, and nothing changes; without one (or from "0")
        // it starts with the current state.
        var since = context.Request.Query["resourceVersion"].ToString();
        var replay = since.Length == 0 || since == "0";
        foreach (var item in replay ? items : [])
        {
            JsonNode body = table ? KubeTables.Table(resource, [item], resourceVersion, clock.GetUtcNow()) : Typed(resource, item);
            var line = new JsonObject { ["type"] = "ADDED", ["object"] = body };
            await response.WriteAsync(line.ToJsonString() + "\n", cancellationToken);
        }

        await response.Body.FlushAsync(cancellationToken);
        var timeout = int.TryParse(context.Request.Query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;
        try
        {
            await Task.Delay(timeout, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client closed the watch or the sandbox is stopping: the stream simply ends.
        }
    }

    private static JsonObject Typed(KubeResource resource, JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        copy["kind"] = resource.Kind;
        copy["apiVersion"] = resource.GroupVersion;
        return copy;
    }
}
