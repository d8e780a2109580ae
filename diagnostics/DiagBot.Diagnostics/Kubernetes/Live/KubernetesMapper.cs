using k8s.Models;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>From KubernetesClient's models to ours.</summary>
internal static class KubernetesMapper
{
    public static KubePod ToModel(V1Pod pod) => new()
    {
        Namespace = pod.Metadata?.NamespaceProperty ?? string.Empty,
        Name = pod.Metadata?.Name ?? string.Empty,
        Phase = pod.Status?.Phase,
        NodeName = pod.Spec?.NodeName,
        Reason = pod.Status?.Reason,
        Message = pod.Status?.Message,
        SchedulerName = pod.Spec?.SchedulerName,
        Labels = Copy(pod.Metadata?.Labels),
        Annotations = Copy(pod.Metadata?.Annotations),
        Conditions = [.. (pod.Status?.Conditions ?? []).Select(c => new KubeCondition(c.Type, c.Status, c.Reason, c.Message))],
        ContainerStatuses = [.. (pod.Status?.ContainerStatuses ?? []).Select(ToModel)],
        Containers = [.. (pod.Spec?.Containers ?? []).Select(c => new KubeContainer
        {
            Name = c.Name,
            Image = c.Image,
            Requests = Quantities(c.Resources?.Requests),
            Limits = Quantities(c.Resources?.Limits),
            HasLivenessProbe = c.LivenessProbe is not null,
            Ports = [.. (c.Ports ?? []).Select(p => new KubeContainerPort(p.Name, p.ContainerPort, p.Protocol))],
            ReadinessProbe = c.ReadinessProbe?.HttpGet is { } get ? new KubeHttpProbe(get.Path, get.Port?.Value ?? string.Empty) : null,
            AwsCredentials = AwsCredentials(c.Env),
        })],
        RestartPolicy = pod.Spec?.RestartPolicy,
        TerminationGracePeriodSeconds = pod.Spec?.TerminationGracePeriodSeconds,
        Owner = pod.Metadata?.OwnerReferences?.FirstOrDefault() is { } owner ? new KubeOwner(owner.Kind, owner.Name) : null,
        PodIp = pod.Status?.PodIP,
        HostIp = pod.Status?.HostIP,
        DeletionTimestamp = Time(pod.Metadata?.DeletionTimestamp),
        NodeSelector = Copy(pod.Spec?.NodeSelector),
        ServiceAccountName = pod.Spec?.ServiceAccountName,
    };

    // https://docs.aws.amazon.com/eks/latest/userguide/pod-configuration.html (IRSA's variables) and
    // https://docs.aws.amazon.com/eks/latest/userguide/pod-id-how-it-works.html (Pod Identity's). Other values stay unread.
    private static KubeAwsCredentials AwsCredentials(IList<V1EnvVar>? env)
    {
        // A name given twice is legal (the API server only warns); the last one wins, as in the container.
        var names = (env ?? []).GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        return names.TryGetValue("AWS_ROLE_ARN", out var role) && names.ContainsKey("AWS_WEB_IDENTITY_TOKEN_FILE")
            ? new KubeAwsCredentials(KubeAwsCredentials.Irsa, role)
            : names.ContainsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI") ? new KubeAwsCredentials(KubeAwsCredentials.PodIdentity, null) : KubeAwsCredentials.None;
    }

    public static KubeNode ToModel(V1Node node) => new()
    {
        Name = node.Metadata?.Name ?? string.Empty,
        ProviderId = node.Spec?.ProviderID,
        Labels = Copy(node.Metadata?.Labels),
        Taints = [.. (node.Spec?.Taints ?? []).Select(t => new KubeTaint(t.Key, t.Value, t.Effect))],
        Conditions = [.. (node.Status?.Conditions ?? []).Select(c => new KubeCondition(c.Type, c.Status, c.Reason, c.Message))],
        Allocatable = Quantities(node.Status?.Allocatable),
        Capacity = Quantities(node.Status?.Capacity),
        InternalIps = [.. (node.Status?.Addresses ?? []).Where(a => a.Type == "InternalIP").Select(a => a.Address)],
        Unschedulable = node.Spec?.Unschedulable ?? false,
        DeletionTimestamp = Time(node.Metadata?.DeletionTimestamp),
        CreationTimestamp = Time(node.Metadata?.CreationTimestamp),
        Architecture = node.Status?.NodeInfo?.Architecture,
    };

    public static KubeDaemonSet ToModel(V1DaemonSet set) => new()
    {
        Namespace = set.Metadata?.NamespaceProperty ?? string.Empty,
        Name = set.Metadata?.Name ?? string.Empty,
        DesiredNumberScheduled = set.Status?.DesiredNumberScheduled ?? 0,
        NumberReady = set.Status?.NumberReady ?? 0,
        NumberAvailable = set.Status?.NumberAvailable ?? 0,
        NumberUnavailable = set.Status?.NumberUnavailable ?? 0,
        UpdatedNumberScheduled = set.Status?.UpdatedNumberScheduled ?? 0,
        Containers = [.. (set.Spec?.Template?.Spec?.Containers ?? []).Select(c => new KubeContainerSpec(
            c.Name,
            c.Image,
            (c.Env ?? []).Where(v => v.Value is not null).GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Last().Value)))],
    };

    private static KubeContainerStatus ToModel(V1ContainerStatus status) => new()
    {
        Name = status.Name,
        Image = status.Image,
        Ready = status.Ready,
        RestartCount = status.RestartCount,
        WaitingReason = status.State?.Waiting?.Reason,
        WaitingMessage = status.State?.Waiting?.Message,
        Running = status.State?.Running is not null,
        TerminatedReason = status.State?.Terminated?.Reason,
        TerminatedExitCode = status.State?.Terminated?.ExitCode,
        TerminatedMessage = status.State?.Terminated?.Message,
        LastTerminatedReason = status.LastState?.Terminated?.Reason,
        LastTerminatedExitCode = status.LastState?.Terminated?.ExitCode,
        LastTerminatedMessage = status.LastState?.Terminated?.Message,
        LastTerminatedStartedAt = Time(status.LastState?.Terminated?.StartedAt),
        LastTerminatedFinishedAt = Time(status.LastState?.Terminated?.FinishedAt),
    };

    private static Dictionary<string, string> Copy(IDictionary<string, string>? values) =>
        values is null ? [] : new Dictionary<string, string>(values, StringComparer.Ordinal);

    private static Dictionary<string, string> Quantities(IDictionary<string, ResourceQuantity>? values) =>
        values?.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal) ?? [];

    private static DateTimeOffset? Time(DateTime? value) =>
        value is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
