using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// The read side of a Kubernetes API server: discovery, then get and list of the seeded resources. Any bearer token
/// (or none, as kubectl sends to a plain-http server) is accepted.
/// </summary>
internal sealed class KubeApi(KubeState state, SandboxFaults faults, TimeProvider clock)
{
    public const string FaultService = "kubernetes";

    // Marks a response already streamed to the client (a watch), so nothing more is written.
    private static readonly JsonObject _streamed = [];

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var body = await RouteAsync(context, segments);
            if (ReferenceEquals(body, _streamed))
            {
                return;
            }

            if (body is null)
            {
                throw new KubeException(404, "NotFound", "the server could not find the requested resource");
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
        catch (KubeException error)
        {
            context.Response.StatusCode = error.Code;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(KubeStatus.Failure(error).ToJsonString());
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up during a hang fault.
        }
        catch (OperationCanceledException) when (!context.Response.HasStarted)
        {
            // The sandbox is stopping during a hang fault.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync(KubeStatus.Failure(new KubeException(503, "ServiceUnavailable", "the sandbox is shutting down")).ToJsonString());
        }
    }

    private async Task<JsonObject?> RouteAsync(HttpContext context, string[] s)
    {
        switch (s)
        {
            case ["version"]:
                return KubeDiscovery.Version();
            case ["api"]:
                return KubeDiscovery.CoreVersions(context.Request);
            case ["apis"]:
                return KubeDiscovery.Groups();
            case ["apis", var group] when KubeResource.All.Any(r => r.Group == group):
                return KubeDiscovery.Group(group);
            case ["api", var version]:
                return KubeDiscovery.Resources("", version);
            case ["apis", var group, var version]:
                return KubeDiscovery.Resources(group, version);
            case ["api", "v1", "namespaces", var logNamespace, "pods", var logPod, "log"]:
                await ApplyFaultAsync("pods/log", string.Empty, logNamespace, "get", context.RequestAborted);
                var text = KubePodLogs.Read(state, logNamespace, logPod, context.Request.Query);
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(text, context.RequestAborted);
                return _streamed;
        }

        var (group2, rest) = s[0] == "api" ? ("", s[1..]) : s.Length > 2 ? (s[1], s[2..]) : ("", Array.Empty<string>());
        var version2 = rest.Length > 0 ? rest[0] : string.Empty;
        rest = rest.Length > 0 ? rest[1..] : rest;
        var (ns, plural, name) = rest switch
        {
            ["namespaces", var n, var p] => (n, p, null),
            ["namespaces", var n, var p, var item] => (n, p, item),
            [var p] => ((string?)null, p, (string?)null),
            [var p, var item] => (null, p, item),
            _ => (null, string.Empty, null),
        };

        var resource = KubeResource.All.FirstOrDefault(r => r.Group == group2 && r.Version == version2 && r.Plural == plural);
        if (resource is null || (ns is not null && !resource.Namespaced))
        {
            return null;
        }

        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await ApplyFaultAsync(resource.Plural, resource.Group, ns, name is null ? "list" : "get", hang.Token);
        if (name is null && context.Request.Query["watch"] is ["true"] or ["1"])
        {
            await KubeWatch.StreamAsync(context, resource, Matches(context.Request, ns), state, clock, hang.Token);
            return _streamed;
        }

        return name is null ? List(context.Request, resource, ns) : Get(context.Request, resource, ns, name);
    }

    private JsonObject Get(HttpRequest request, KubeResource resource, string? ns, string name)
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

    private JsonObject List(HttpRequest request, KubeResource resource, string? ns)
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

    private static Func<JsonObject, bool> Matches(HttpRequest request, string? ns)
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

    // A fault is keyed by the resource as RBAC names it: "pods", or "pods/log" for the log subresource.
    private async Task ApplyFaultAsync(string plural, string group, string? ns, string verb, CancellationToken cancellationToken)
    {
        if (faults.Take(FaultService, plural) is not { } fault)
        {
            return;
        }

        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, clock, cancellationToken);
        }

        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        switch (fault.Kind)
        {
            case SandboxFaultKind.Throttling:
                throw new KubeException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later");
            case SandboxFaultKind.ServerError:
                throw new KubeException(500, "InternalError", "an error on the server (\"etcdserver: request timed out\") has prevented the request from succeeding");
            case SandboxFaultKind.AccessDenied:
                throw new KubeException(403, "Forbidden",
                    $"{plural} is forbidden: User \"diagbot\" cannot {verb} resource \"{plural}\" in API group \"{group}\" {scope}", kind: plural);
            case SandboxFaultKind.Hang:
                await Task.Delay(fault.HangFor, clock, cancellationToken);
                throw new KubeException(504, "Timeout", "the server was unable to return a response in the time allotted");
            case SandboxFaultKind.None:
            default:
                return;
        }
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
