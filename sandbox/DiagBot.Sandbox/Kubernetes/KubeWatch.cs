using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// A watch (?watch=true) in the API server's wire format: one {"type":...,"object":...} JSON object per line.
/// Without a resourceVersion (or from "0") it starts with the current state as ADDED; from a resourceVersion it sends
/// the changes after it, or, when that version is older than the compacted history, one ERROR line carrying a 410
/// Expired Status and ends. With allowWatchBookmarks, a change the selector filters out still moves the watcher on:
/// a BOOKMARK carries the new resourceVersion. The stream ends when the client leaves, timeoutSeconds pass, a test
/// drops the connections, or the sandbox stops.
/// </summary>
internal static class KubeWatch
{
    public static async Task StreamAsync(HttpContext context, KubeResource resource, Func<JsonObject, bool> matches, KubeState state, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        response.ContentType = "application/json";
        var table = KubeTables.Wanted(request);
        var bookmarks = request.Query["allowWatchBookmarks"] is ["true"] or ["1"];
        var timeout = int.TryParse(request.Query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, state.Connections);
        ends.CancelAfter(timeout);

        try
        {
            var since = request.Query["resourceVersion"].ToString();
            long position;
            if (since.Length == 0 || since == "0")
            {
                position = state.ResourceVersion;
                foreach (var item in state.List(resource).Where(matches))
                {
                    await WriteAsync(response, "ADDED", Body(resource, item, table, clock), ends.Token);
                }
            }
            else if (!long.TryParse(since, CultureInfo.InvariantCulture, out position) || position < state.CompactedThrough)
            {
                var expired = new KubeException(410, "Expired", $"too old resource version: {since} ({state.CompactedThrough})");
                await WriteAsync(response, "ERROR", KubeStatus.Failure(expired), ends.Token);
                return;
            }

            await response.Body.FlushAsync(ends.Token);
            while (true)
            {
                var changed = state.Changed;
                var (changes, through) = state.ChangesAfter(resource, position);
                var sent = false;
                foreach (var change in changes.Where(c => matches(c.Item)))
                {
                    await WriteAsync(response, change.Type, Body(resource, change.Item, table, clock), ends.Token);
                    sent = true;
                }

                if (bookmarks && !sent && through > position)
                {
                    await WriteAsync(response, "BOOKMARK", Bookmark(resource, through), ends.Token);
                }

                position = through;
                await response.Body.FlushAsync(ends.Token);
                await changed.WaitAsync(ends.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client closed the watch, its timeout passed, a test dropped it or the sandbox is stopping: the stream simply ends.
        }
    }

    private static Task WriteAsync(HttpResponse response, string type, JsonNode body, CancellationToken cancellationToken) =>
        response.WriteAsync(new JsonObject { ["type"] = type, ["object"] = body }.ToJsonString() + "\n", cancellationToken);

    private static JsonNode Body(KubeResource resource, JsonObject item, bool table, TimeProvider clock) =>
        table ? KubeTables.Table(resource, [item], long.Parse(item["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture), clock.GetUtcNow()) : Typed(resource, item);

    // Only the resourceVersion is set in a bookmark's object, which has the watched kind.
    private static JsonObject Bookmark(KubeResource resource, long resourceVersion) => new()
    {
        ["kind"] = resource.Kind,
        ["apiVersion"] = resource.GroupVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
    };

    private static JsonObject Typed(KubeResource resource, JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        copy.Remove("kind");
        copy.Remove("apiVersion");
        var typed = new JsonObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.GroupVersion };
        foreach (var (key, value) in copy.ToList())
        {
            copy.Remove(key);
            typed[key] = value;
        }

        return typed;
    }
}
