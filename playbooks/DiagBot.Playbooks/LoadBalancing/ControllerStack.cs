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

    /// <summary>
    /// From a target group's or load balancer's tags: ingress.k8s.aws/stack is "namespace/ingress" for one Ingress and the
    /// group's name for an IngressGroup; service.k8s.aws/stack is "namespace/service". Null without either.
    /// </summary>
    public static ControllerStack? FromTags(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.TryGetValue(IngressPrefix + "stack", out var ingress))
        {
            return Split(ingress) is { } one ? new(ControllerStackKind.Ingress, one.Namespace, one.Name) : new(ControllerStackKind.IngressGroup, null, ingress);
        }

        return tags.TryGetValue(ServicePrefix + "stack", out var service) && Split(service) is { } owner
            ? new(ControllerStackKind.Service, owner.Namespace, owner.Name)
            : null;
    }

    public override string ToString() => Kind switch
    {
        ControllerStackKind.IngressGroup => $"IngressGroup {Name}",
        _ => $"{Kind} {Namespace}/{Name}",
    };

    private static (string Namespace, string Name)? Split(string stack) =>
        stack.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name] ? (ns, name) : null;

    private static ControllerStack? Labelled(IReadOnlyDictionary<string, string> labels, string prefix, ControllerStackKind kind) =>
        labels.TryGetValue(prefix + "stack-namespace", out var ns) && labels.TryGetValue(prefix + "stack-name", out var name) ? new(kind, ns, name) : null;
}

internal enum ControllerStackKind
{
    Ingress,
    IngressGroup,
    Service,
}
