using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// A TargetGroupBinding whose Service selects the pod, with what was read of its target group (null where the read
/// failed) and the port its targets are registered on: the Service port's targetPort, a number or the pod's named port.
/// </summary>
internal sealed record PodBinding(
    KubeTargetGroupBinding Binding, KubeService Service, int? TargetPort, TargetGroup? Group, IReadOnlyList<TargetHealthDescription>? Health)
{
    public string Name => Group?.TargetGroupName ?? (Binding.TargetGroupArn.Split('/') is { Length: >= 2 } parts ? parts[1] : Binding.TargetGroupArn);

    /// <summary>The pod's own target: its IP (targetType ip, the controller's usual mode on EKS) and the target port.</summary>
    public TargetHealthDescription? TargetOf(KubePod pod) =>
        Health?.FirstOrDefault(t => t.TargetId == pod.PodIp && (TargetPort is null || t.Port == TargetPort));

    /// <summary>Targets the load balancer may route to: registered and neither unused nor draining.</summary>
    public IReadOnlyList<TargetHealthDescription> InUse =>
        Health?.Where(t => t.State is not (TargetGroupReading.Unused or TargetGroupReading.Draining)).ToList() ?? [];

    /// <summary>The port the health check probes: its own number, or the traffic port, which is the target port.</summary>
    public int? HealthCheckPort => Group?.HealthCheckPort is { } port && int.TryParse(port, out var number) ? number : TargetPort;
}
