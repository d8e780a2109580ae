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

    private readonly KubeReads _reads = new(state, clock);
    private readonly KubeFaultGate _faultGate = new(faults, clock);

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
            {
                await _faultGate.ApplyAsync("pods/log", string.Empty, logNamespace, "get", context.RequestAborted);
                var shutdown = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                using var dialing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, shutdown);
                var text = await KubePodLogs.ReadAsync(state, logNamespace, logPod, context.Request.Query, clock, dialing.Token);
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(text, context.RequestAborted);
                return _streamed;
            }
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
        await _faultGate.ApplyAsync(resource.Plural, resource.Group, ns, name is null ? "list" : "get", hang.Token);
        if (name is null && context.Request.Query["watch"] is ["true"] or ["1"])
        {
            await KubeWatch.StreamAsync(context, resource, KubeReads.Matches(context.Request, ns), state, clock, hang.Token);
            return _streamed;
        }

        return name is null ? _reads.List(context.Request, resource, ns) : _reads.Get(context.Request, resource, ns, name);
    }
}
