using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>What a playbook starts from: the subject, the first facts triage read, and the evidence session.</summary>
public sealed record DiagnosisContext(DiagnosisSubject Subject, IEvidenceSource Evidence, TimeProvider Clock)
{
    /// <summary>
    /// When the diagnosis started. Every read window of the diagnosis ends here, so triage and a playbook asking for
    /// the same lines ask the same question, and the session's cache answers the second from the first.
    /// </summary>
    public DateTimeOffset Now { get; init; } = Clock.GetUtcNow();

    /// <summary>
    /// The task the subject names, as DescribeTasks returned it during triage; for a service, its most
    /// recently stopped task, if ECS still lists one.
    /// </summary>
    public EcsTask? Task { get; init; }

    /// <summary>The service the subject names, as DescribeServices returned it during triage.</summary>
    public EcsService? Service { get; init; }

    /// <summary>For a service: its latest stopped tasks, newest first.</summary>
    public IReadOnlyList<EcsTask> StoppedTasks { get; init; } = [];

    /// <summary>The pod the subject names, with the cluster it was read from and its events, oldest first.</summary>
    public KubePod? Pod { get; init; }

    public string? KubernetesCluster { get; init; }

    public IReadOnlyList<KubeEvent> PodEvents { get; init; } = [];

    /// <summary>For a target-group subject: the group as DescribeTargetGroups returned it, whether or not a service uses it.</summary>
    public TargetGroup? TargetGroup { get; init; }

    /// <summary>
    /// For a target-group subject the AWS Load Balancer Controller owns: its tags and what was found of it in the cluster.
    /// Its targets are pods, so no ECS service is looked for and no ECS fix given.
    /// </summary>
    public ControllerGroup? ControllerGroup { get; init; }

    /// <summary>The first facts triage ranked on (the service's recent log lines among them), so a playbook can start from what was seen.</summary>
    public IReadOnlyList<TriageFact> Facts { get; init; } = [];
}
