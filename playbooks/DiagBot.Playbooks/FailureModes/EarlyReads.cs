using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What a failure mode asks triage to start reading early, beside triage's own reads. The session caches each answer
/// under the key the playbook asks with, so the playbook starts a round trip further on. Triage runs every mode's early
/// reads without knowing what they are; what fails here is reported by the playbook that needs it, not by triage.
/// Modes that share a read name the same method, so triage starts it once.
/// </summary>
internal sealed record EarlyReads
{
    public static EarlyReads None { get; } = new();

    /// <summary>Given a task triage has just described.</summary>
    public IReadOnlyList<Func<IEvidenceSource, EcsTask, CancellationToken, Task>> ForTask { get; init; } = [];

    /// <summary>Given the service triage has just described, and the diagnosis's one instant.</summary>
    public IReadOnlyList<Func<IEvidenceSource, EcsService, DateTimeOffset, CancellationToken, Task>> ForService { get; init; } = [];

    /// <summary>Given the pod triage has just read, once its events are asked for.</summary>
    public IReadOnlyList<Func<IEvidenceSource, PodAtHand, CancellationToken, Task>> ForPod { get; init; } = [];

    /// <summary>
    /// Given only the pod's namespace and the engineer's words, beside the read of the pod itself: what depends on the
    /// namespace alone (its TargetGroupBindings) is then a round trip ahead of what the pod's status names.
    /// </summary>
    public IReadOnlyList<Func<IEvidenceSource, NamespaceAtHand, CancellationToken, Task>> ForNamespace { get; init; } = [];

    /// <summary>
    /// Given a target group the AWS Load Balancer Controller fills and its namespace's TargetGroupBindings, once a pod of the
    /// group is found, beside its events: started only for the modes the group's health and the engineer's words already rank to run.
    /// </summary>
    public IReadOnlyList<Func<IEvidenceSource, GroupAtHand, CancellationToken, Task>> ForControllerGroup { get; init; } = [];
}

/// <summary>A pod as triage holds it when the early reads start: its configured cluster, the pod, the engineer's words about it.</summary>
internal sealed record PodAtHand(string Cluster, KubePod Pod, string? Symptom);

/// <summary>A pod's namespace before the pod is read: its configured cluster, the namespace, the engineer's words about the pod.</summary>
internal sealed record NamespaceAtHand(string Cluster, string Namespace, string? Symptom);

/// <summary>
/// A controller's target group as the subject once a pod of it is found: the configured cluster, the group, the bindings of
/// its namespace (the list the playbooks ask for again), and the diagnosis's one instant.
/// </summary>
internal sealed record GroupAtHand(string Cluster, TargetGroup Group, IReadOnlyList<KubeTargetGroupBinding> Bindings, DateTimeOffset Now)
{
    /// <summary>The pod of the group the diagnosis is about, as the namespace's pod list gave it.</summary>
    public KubePod? Pod { get; init; }

    /// <summary>The group's own targets and their health, as the subject's first read gave them.</summary>
    public IReadOnlyList<TargetHealthDescription> Targets { get; init; } = [];
}
