using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// Get and list of the seeded resources as the API server answers them: items without a kind of their own, pages
/// with opaque continue tokens, and a Table for kubectl when it asks for one.
/// </summary>
internal sealed class KubeReads(KubeState state, TimeProvider clock)
{
    public JsonObject Get(HttpRequest request, KubeResource resource, string? ns, string name)
    {
        var item = state.List(resource).FirstOrDefault(o => KubeState.Name(o) == name && (!resource.Namespaced || KubeState.Namespace(o) == ns))
            ?? throw new KubeException(404, "NotFound", $"{resource.Plural} \"{name}\" not found", name, resource.Plural);

        // kubectl get <kind> <name> asks for a Table too; the server answers with one row.
        if (KubeTables.Wanted(request))
        {
            return KubeTables.Table(resource, [item], state.ResourceVersion, clock.GetUtcNow());
        }

        var copy = item.DeepClone().AsObject();
        copy.Remove("kind");
        copy.Remove("apiVersion");
        return Typed(resource, copy, resource.Kind);
    }

    public JsonObject List(HttpRequest request, KubeResource resource, string? ns)
    {
        var items = Select(request, resource, ns);

        var offset = DecodeContinue(request.Query["continue"]);
        var limit = int.TryParse(request.Query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var page = items.Skip(offset).Take(limit).ToList();
        var remaining = items.Count - offset - page.Count;

        if (KubeTables.Wanted(request))
        {
            return KubeTables.Table(resource, page, state.ResourceVersion, clock.GetUtcNow());
        }

        var metadata = new JsonObject { ["resourceVersion"] = state.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (remaining > 0)
        {
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)));
            metadata["remainingItemCount"] = remaining;
        }

        // Items in a list carry no kind or apiVersion of their own, as the API server sends them.
        var array = new JsonArray([.. page.Select(o =>
        {
            var copy = o.DeepClone().AsObject();
            copy.Remove("kind");
            copy.Remove("apiVersion");
            return (JsonNode)copy;
        })]);
        return Typed(resource, new JsonObject { ["metadata"] = metadata, ["items"] = array }, resource.Kind + "List");
    }

    private List<JsonObject> Select(HttpRequest request, KubeResource resource, string? ns) => [.. state.List(resource).Where(Matches(request, ns))];

    public static Func<JsonObject, bool> Matches(HttpRequest request, string? ns)
    {
        var labels = KubeSelectors.Labels(request.Query["labelSelector"]);
        var fields = KubeSelectors.Fields(request.Query["fieldSelector"]);
        return o => (ns is null || KubeState.Namespace(o) == ns) && labels(o) && fields(o);
    }

    private static JsonObject Typed(KubeResource resource, JsonObject body, string kind)
    {
        var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = resource.GroupVersion };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            result[key] = value;
        }

        return result;
    }

    private static int DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            return int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new KubeException(400, "BadRequest", "continue key is not valid: illegal base64 data");
        }
    }
}
