using k8s.Models;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>From KubernetesClient's V1Service to ours.</summary>
internal static class KubernetesServiceMapper
{
    public static KubeService ToModel(V1Service service) => new()
    {
        Namespace = service.Metadata?.NamespaceProperty ?? string.Empty,
        Name = service.Metadata?.Name ?? string.Empty,
        Type = service.Spec?.Type,
        Selector = service.Spec?.Selector is { } selector ? new Dictionary<string, string>(selector, StringComparer.Ordinal) : new Dictionary<string, string>(),
        Ports = [.. (service.Spec?.Ports ?? []).Select(p => new KubeServicePort(p.Name, p.Port, p.TargetPort?.Value, p.NodePort, p.Protocol))],
        Annotations = service.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations, StringComparer.Ordinal) : new Dictionary<string, string>(),
    };
}
