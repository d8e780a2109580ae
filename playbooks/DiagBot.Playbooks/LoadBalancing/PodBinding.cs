using System.Globalization;
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
    public const string InstanceTargetType = "instance";

    public string Name => Group?.TargetGroupName ?? (Binding.TargetGroupArn.Split('/') is { Length: >= 2 } parts ? parts[1] : Binding.TargetGroupArn);

    /// <summary>The Service port's nodePort, where an `instance` group's targets are registered.</summary>
    public int? NodePort { get; init; }

    /// <summary>The pod's node's EC2 instance (its providerID), read only for an `instance` binding; null when unread.</summary>
    public string? NodeInstanceId { get; init; }

    /// <summary>
    /// targetType instance: the controller registers the nodes' instances on the Service's NodePort, not the pods' IPs, and
    /// kube-proxy carries the traffic on to a pod (aws-load-balancer-controller docs/guide/ingress/annotation.md, target-type;
    /// issue #1695: instance mode needs a NodePort or LoadBalancer Service, whose node port the ALB targets).
    /// </summary>
    public bool IsInstance => string.Equals(Binding.TargetType ?? Group?.TargetType, InstanceTargetType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The port the pod's target is registered on: the NodePort for `instance`, else the pod's own port.</summary>
    public int? RegisteredPort => IsInstance ? NodePort : TargetPort;

    /// <summary>What the group calls the pod's target: its node's instance for `instance`, else the pod's IP.</summary>
    public string? TargetIdOf(KubePod pod) => IsInstance ? NodeInstanceId : pod.PodIp;

    /// <summary>The pod's own target: its IP (targetType ip, the controller's usual mode on EKS) or its node's instance, on the registered port.</summary>
    public TargetHealthDescription? TargetOf(KubePod pod) => TargetIdOf(pod) is { } id
        ? Health?.FirstOrDefault(t => t.TargetId == id && (RegisteredPort is null || t.Port == RegisteredPort))
        : null;

    /// <summary>How a verdict names the pod's target: "10.0.7.44:8080", or "i-0c52...:31847 (node ip-10-0-12-203.ec2.internal)".</summary>
    public string TargetLabel(KubePod pod) => IsInstance
        ? $"{NodeInstanceId ?? "(its node's instance)"}:{RegisteredPort?.ToString(CultureInfo.InvariantCulture) ?? "(unresolved)"} (node {pod.NodeName})"
        : $"{pod.PodIp}:{TargetPort?.ToString(CultureInfo.InvariantCulture) ?? "(unresolved)"}";

    /// <summary>Targets the load balancer may route to: registered and neither unused nor draining.</summary>
    public IReadOnlyList<TargetHealthDescription> InUse =>
        Health?.Where(t => t.State is not (TargetGroupReading.Unused or TargetGroupReading.Draining)).ToList() ?? [];

    /// <summary>The port the health check probes: its own number, or the traffic port, which is the registered port.</summary>
    public int? HealthCheckPort => Group?.HealthCheckPort is { } port && int.TryParse(port, out var number) ? number : RegisteredPort;
}
