namespace DiagBot.Sandbox.Kubernetes;

/// <summary>An injected fault on a Kubernetes read, answered with the Status the API server sends for it.</summary>
internal sealed class KubeFaultGate(SandboxFaults faults, TimeProvider clock)
{
    /// <summary>A fault is keyed by the resource as RBAC names it: "pods", or "pods/log" for the log subresource.</summary>
    public async Task ApplyAsync(string plural, string group, string? ns, string verb, CancellationToken cancellationToken)
    {
        if (faults.Take(KubeApi.FaultService, plural) is not { } fault)
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
                throw new KubeException(500, "InternalError",
                    "an error on the server (\"etcdserver: request timed out\") has prevented the request from succeeding");
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
}
