using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.LoadBalancing;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>One of a service's load balancer bindings with what was read of its target group; null where the read failed.</summary>
internal sealed record TargetGroupReading(EcsServiceLoadBalancer Binding, TargetGroup? Group, IReadOnlyList<TargetHealthDescription>? Health)
{
    public const string Unused = "unused";
    public const string Draining = "draining";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Initial = "initial";

    public string Arn => Binding.TargetGroupArn ?? string.Empty;

    public string Name => Group?.TargetGroupName ?? (Arn.Split('/') is { Length: >= 2 } parts ? parts[1] : Arn);

    /// <summary>Targets the load balancer may route to: registered and neither unused nor draining. Null when health was not read.</summary>
    public IReadOnlyList<TargetHealthDescription>? InUse => Health?.Where(t => t.State is not (Unused or Draining)).ToList();

    public IReadOnlyList<TargetHealthDescription> UnhealthyTargets => Health?.Where(t => t.State == Unhealthy).ToList() ?? [];

    /// <summary>The port the health check probes: its own number, or the target's port ("traffic-port"), which for awsvpc tasks is the containerPort.</summary>
    public int? HealthCheckPort => Group?.HealthCheckPort is { } port && int.TryParse(port, out var number) ? number : Binding.ContainerPort;
}
