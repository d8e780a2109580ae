namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// What the AWS Load Balancer Controller made a load balancer or target group for: one Ingress, an IngressGroup (the
/// Ingresses sharing alb.ingress.kubernetes.io/group.name) or a Service. The controller writes it as labels on its
/// TargetGroupBindings and tags on the AWS resources (aws-load-balancer-controller pkg/deploy/tracking/provider.go:
/// StackLabels ingress.k8s.aws/stack-namespace and stack-name, or ingress.k8s.aws/stack for a group; StackTags
/// ingress.k8s.aws/stack "namespace/name" or the group's name; the same under service.k8s.aws for Services).
/// </summary>
internal sealed record ControllerStack(ControllerStackKind Kind, string? Namespace, string Name)
{
    private const string IngressPrefix = "ingress.k8s.aws/";
    private const string ServicePrefix = "service.k8s.aws/";

    /// <summary>From a TargetGroupBinding's labels; null for a binding someone wrote for a target group made elsewhere.</summary>
    public static ControllerStack? FromLabels(IReadOnlyDictionary<string, string> labels) =>
        Labelled(labels, IngressPrefix, ControllerStackKind.Ingress) ?? Labelled(labels, ServicePrefix, ControllerStackKind.Service)
        ?? (labels.TryGetValue(IngressPrefix + "stack", out var group) ? new(ControllerStackKind.IngressGroup, null, group) : null);

    public override string ToString() => Kind switch
    {
        ControllerStackKind.IngressGroup => $"IngressGroup {Name}",
        _ => $"{Kind} {Namespace}/{Name}",
    };

    private static ControllerStack? Labelled(IReadOnlyDictionary<string, string> labels, string prefix, ControllerStackKind kind) =>
        labels.TryGetValue(prefix + "stack-namespace", out var ns) && labels.TryGetValue(prefix + "stack-name", out var name) ? new(kind, ns, name) : null;
}

internal enum ControllerStackKind
{
    Ingress,
    IngressGroup,
    Service,
}
