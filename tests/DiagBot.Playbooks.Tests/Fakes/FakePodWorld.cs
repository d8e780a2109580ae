using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>One pod, its node and its previous log held in memory, for pod states the sandbox does not seed.</summary>
internal sealed class FakePodWorld : EvidenceFake, IKubernetesFake
{
    public const string Cluster = "test-eks";

    /// <summary>The node <see cref="Pod"/> puts a pod on unless told otherwise.</summary>
    public const string PodNode = "ip-10-0-1-5.ec2.internal";

    public List<KubeNode> Nodes { get; } = [];

    public List<string> PreviousLog { get; } = [];

    public List<string> CurrentLog { get; } = [];

    /// <summary>What the API server answers for the current log instead of its lines: a dial failure to the kubelet, say.</summary>
    public EvidenceGap? CurrentLogGap { get; set; }

    public override IEcsEvidence Ecs { get; } = new ScriptedEvidence();

    public override IKubernetesEvidence Kubernetes => this;

    public IReadOnlyList<string> Clusters => [Cluster];

    public static KubePod Pod(KubeContainerStatus status, string phase = "Running", string node = PodNode) => new()
    {
        Namespace = "jobs",
        Name = "worker-6f7d8c9b5-abcde",
        Phase = phase,
        NodeName = node,
        RestartPolicy = "Always",
        Owner = new KubeOwner("ReplicaSet", "worker-6f7d8c9b5"),
        Containers = [new KubeContainer { Name = status.Name, Image = "example.com/worker:1.0", Limits = new Dictionary<string, string> { ["memory"] = "128Mi" } }],
        ContainerStatuses = [status],
    };

    public static KubeNode Node(string name, string readyStatus) => new()
    {
        Name = name,
        ProviderId = "aws:///eu-west-1a/i-0123456789abcdef0",
        Conditions = [new KubeCondition("Ready", readyStatus, readyStatus == "True" ? "KubeletReady" : "NodeStatusUnknown", readyStatus == "True" ? "kubelet is posting ready status" : "Kubelet stopped posting node status.")],
    };

    public DiagnosisContext Context(KubePod pod, string? words = null, params KubeEvent[] events) =>
        new(new PodSubject($"pod {pod.Namespace}/{pod.Name}", pod.Namespace, pod.Name, null) { Symptom = words }, this, TimeProvider.System)
        {
            Pod = pod,
            KubernetesCluster = Cluster,
            PodEvents = events,
        };

    public static KubeEvent Event(string type, string reason, string message) => new(type, reason, message, 1, null, null, "Pod", "worker-6f7d8c9b5-abcde", "kubelet");

    public Task<EvidenceResult<KubePod>> GetPodAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the playbook gets the pod from the context");

    public Task<EvidenceResult<IReadOnlyList<KubePod>>> ListPodsAsync(
        string cluster, string @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not read by these playbooks");

    public Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(
        string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken) =>
        Task.FromResult(EvidenceResult<IReadOnlyList<KubeEvent>>.Found([]));

    public Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken) =>
        Task.FromResult(EvidenceResult<IReadOnlyList<KubeNode>>.Found(Nodes));

    public Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not read by these playbooks");

    public Task<EvidenceResult<IReadOnlyList<string>>> GetPodLogAsync(string cluster, KubeLogQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(!query.Previous && CurrentLogGap is { } gap
            ? EvidenceResult<IReadOnlyList<string>>.Missing(gap)
            : EvidenceResult<IReadOnlyList<string>>.Found(query.Previous ? PreviousLog : CurrentLog));
}
