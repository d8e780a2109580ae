namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// A TargetGroupBinding (elbv2.k8s.aws/v1beta1): the AWS Load Balancer Controller keeps the target group's targets equal to
/// the service's endpoints, pod IPs for targetType ip, node ports for instance. The controller creates one per Ingress
/// backend and per LoadBalancer Service it manages; teams also write their own for target groups made elsewhere.
/// </summary>
public sealed record KubeTargetGroupBinding
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string TargetGroupArn { get; init; }

    /// <summary>ip or instance.</summary>
    public string? TargetType { get; init; }
    public required string ServiceName { get; init; }

    /// <summary>spec.serviceRef.port: the service port's number or name.</summary>
    public string? ServicePort { get; init; }

    /// <summary>spec.networking.ingress[].from[].securityGroup.groupID: the groups the controller opens the targets to.</summary>
    public IReadOnlyList<string> IngressFromSecurityGroups { get; init; } = [];

    /// <summary>
    /// metadata.labels: the controller labels the bindings it makes with their stack (aws-load-balancer-controller
    /// pkg/deploy/tracking/provider.go StackLabels): ingress.k8s.aws/stack-namespace and stack-name for one Ingress,
    /// ingress.k8s.aws/stack for an IngressGroup, service.k8s.aws/stack-namespace and stack-name for a Service.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
