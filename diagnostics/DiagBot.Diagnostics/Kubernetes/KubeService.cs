namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// A core/v1 Service: its type, the selector that picks its pods, its ports, and its annotations (the AWS Load Balancer
/// Controller reads service.beta.kubernetes.io/aws-load-balancer-* there, e.g. the health-check path and port).
/// </summary>
public sealed record KubeService
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    /// <summary>ClusterIP, NodePort or LoadBalancer.</summary>
    public string? Type { get; init; }
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubeServicePort> Ports { get; init; } = [];
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}

/// <summary>One service port; TargetPort is a number or a container port's name, as the spec writes it.</summary>
public sealed record KubeServicePort(string? Name, int Port, string? TargetPort, int? NodePort, string? Protocol);
