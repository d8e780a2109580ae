namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>The fields of a pod that diagnoses read.</summary>
public sealed record KubePod
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    public string? Phase { get; init; }
    public string? NodeName { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public string? SchedulerName { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>metadata.annotations, e.g. the VPC CNI's vpc.amazonaws.com/pod-eni on a pod with security groups of its own.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubeCondition> Conditions { get; init; } = [];
    public IReadOnlyList<KubeContainerStatus> ContainerStatuses { get; init; } = [];

    /// <summary>The containers as the spec declares them, with their resources and probes.</summary>
    public IReadOnlyList<KubeContainer> Containers { get; init; } = [];

    /// <summary>spec.restartPolicy: Always (Deployments), OnFailure or Never (Jobs).</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>spec.terminationGracePeriodSeconds: how long after SIGTERM the kubelet sends SIGKILL (default 30).</summary>
    public long? TerminationGracePeriodSeconds { get; init; }

    /// <summary>The first owner reference, e.g. ("ReplicaSet", "web-7f9c6d5b8") or ("Job", "nightly-report-29134").</summary>
    public KubeOwner? Owner { get; init; }

    /// <summary>status.podIP: what an `ip` target group registers (the AWS Load Balancer Controller targets pods by IP).</summary>
    public string? PodIp { get; init; }

    /// <summary>status.hostIP: the node's address, set once the kubelet has the pod (its EC2 instance has this private IP).</summary>
    public string? HostIp { get; init; }

    /// <summary>metadata.deletionTimestamp: set when the pod is being deleted (a drain, an eviction, a reclaimed node).</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>spec.nodeSelector, e.g. kubernetes.io/arch=arm64 or karpenter.sh/capacity-type=spot.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>spec.serviceAccountName: whose IAM role (IRSA annotation or Pod Identity association) the pod's AWS calls get.</summary>
    public string? ServiceAccountName { get; init; }
}

public sealed record KubeOwner(string Kind, string Name);

/// <summary>
/// A container of the pod spec: its resources.requests and resources.limits as quantities ("512Mi", "250m"), and
/// whether it has a liveness probe (a failing one makes the kubelet kill and restart the container).
/// </summary>
public sealed record KubeContainer
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Limits { get; init; } = new Dictionary<string, string>();
    public bool HasLivenessProbe { get; init; }

    /// <summary>spec.containers[].ports: the ports the container declares, by name and number.</summary>
    public IReadOnlyList<KubeContainerPort> Ports { get; init; } = [];

    /// <summary>The readiness probe's HTTP GET, when it has one: a target is only registered healthy once this passes.</summary>
    public KubeHttpProbe? ReadinessProbe { get; init; }

    /// <summary>
    /// The AWS credentials EKS handed the container, from the variables its admission webhooks inject (names only,
    /// and the role ARN, which is no secret): IRSA sets AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, Pod Identity
    /// AWS_CONTAINER_CREDENTIALS_FULL_URI. Neither means the SDK falls through to the node's instance role.
    /// </summary>
    public KubeAwsCredentials AwsCredentials { get; init; } = KubeAwsCredentials.None;
}

/// <summary>Which EKS credential source reaches a container, and the IRSA role when that is it.</summary>
/// <param name="Source">"irsa", "pod-identity", or null when neither webhook injected its variables.</param>
/// <param name="RoleArn">AWS_ROLE_ARN, set by IRSA.</param>
public sealed record KubeAwsCredentials(string? Source, string? RoleArn)
{
    public const string Irsa = "irsa";
    public const string PodIdentity = "pod-identity";

    public static KubeAwsCredentials None { get; } = new(null, null);
}

public sealed record KubeContainerPort(string? Name, int ContainerPort, string? Protocol);

/// <summary>An httpGet probe: the path and the port, a number or a container port's name, as the spec writes it.</summary>
public sealed record KubeHttpProbe(string? Path, string Port);

public sealed record KubeCondition(string Type, string Status, string? Reason, string? Message);

/// <summary>
/// A container's state: WaitingReason (ContainerCreating, CrashLoopBackOff, ImagePullBackOff...) or the terminated
/// exit; LastTerminated* is the previous run, where a crash loop's OOMKilled or exit code shows.
/// </summary>
public sealed record KubeContainerStatus
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public bool Ready { get; init; }
    public int RestartCount { get; init; }
    public string? WaitingReason { get; init; }
    public string? WaitingMessage { get; init; }
    public bool Running { get; init; }
    public string? TerminatedReason { get; init; }
    public int? TerminatedExitCode { get; init; }
    public string? TerminatedMessage { get; init; }
    public string? LastTerminatedReason { get; init; }
    public int? LastTerminatedExitCode { get; init; }
    public string? LastTerminatedMessage { get; init; }
    public DateTimeOffset? LastTerminatedStartedAt { get; init; }
    public DateTimeOffset? LastTerminatedFinishedAt { get; init; }
}
