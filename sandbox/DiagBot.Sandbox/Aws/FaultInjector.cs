using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws;

/// <summary>Applies the configured fault for an operation: first its latency, then its failure in the protocol's own error shape.</summary>
internal static class FaultInjector
{
    public static async Task ApplyAsync(SandboxFaults faults, TimeProvider clock, AwsCall call, IAwsProtocol protocol, CancellationToken cancellationToken)
    {
        if (faults.Take(call.Service, call.Operation) is not { } fault)
        {
            return;
        }

        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, clock, cancellationToken);
        }

        switch (fault.Kind)
        {
            case SandboxFaultKind.Throttling:
                throw protocol.ThrottlingError();
            case SandboxFaultKind.ServerError:
                throw protocol.ServerError();
            case SandboxFaultKind.AccessDenied:
                throw protocol.AccessDeniedError(call);
            case SandboxFaultKind.Hang:
                // Outlasts the client's timeout; ends early when the client gives up.
                await Task.Delay(fault.HangFor, clock, cancellationToken);
                throw protocol.ServerError();
            case SandboxFaultKind.None:
            default:
                return;
        }
    }
}
