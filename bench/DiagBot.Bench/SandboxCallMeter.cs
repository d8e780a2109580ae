using DiagBot.Sandbox;

namespace DiagBot.Bench;

/// <summary>
/// Adds the latency L to every AWS and Kubernetes call at the sandbox and counts the requests it served: the
/// fault's countdown (Times) is decremented once per request, so what it lost is what was sent.
/// </summary>
internal sealed class SandboxCallMeter(SandboxFaults faults, TimeSpan latency)
{
    public static readonly string[] Services = ["ecs", "elasticloadbalancing", "ec2", "logs", "cloudtrail", "sts", "eks", "monitoring", "kubernetes"];

    private const int Countdown = 100_000_000;

    public void Reset()
    {
        foreach (var service in Services)
        {
            faults.Set(service, SandboxFaults.AnyOperation, new SandboxFault { Latency = latency, Times = Countdown });
        }
    }

    public int Sent()
    {
        var snapshot = faults.Snapshot();
        return Services.Sum(service => snapshot.TryGetValue($"{service}:{SandboxFaults.AnyOperation}", out var fault) ? Countdown - (fault.Times ?? Countdown) : 0);
    }
}
