using k8s.Models;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>From KubernetesClient's V1Deployment to ours.</summary>
internal static class KubernetesDeploymentMapper
{
    public static KubeDeployment ToModel(V1Deployment deployment) => new()
    {
        Namespace = deployment.Metadata?.NamespaceProperty ?? string.Empty,
        Name = deployment.Metadata?.Name ?? string.Empty,
        DesiredReplicas = deployment.Spec?.Replicas,
        Replicas = deployment.Status?.Replicas ?? 0,
        UpdatedReplicas = deployment.Status?.UpdatedReplicas ?? 0,
        ReadyReplicas = deployment.Status?.ReadyReplicas ?? 0,
        AvailableReplicas = deployment.Status?.AvailableReplicas ?? 0,
        UnavailableReplicas = deployment.Status?.UnavailableReplicas ?? 0,
        MatchLabels = deployment.Spec?.Selector?.MatchLabels is { } labels ? new Dictionary<string, string>(labels) : new Dictionary<string, string>(),
        MatchExpressions = [.. (deployment.Spec?.Selector?.MatchExpressions ?? []).Select(e => new KubeLabelRequirement(e.Key, e.OperatorProperty, [.. e.Values ?? []]))],
        Conditions = [.. (deployment.Status?.Conditions ?? []).Select(c => new KubeCondition(c.Type, c.Status, c.Reason, c.Message))],
    };
}
