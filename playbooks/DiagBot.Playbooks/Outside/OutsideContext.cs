using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Playbooks.Outside;

/// <summary>The identifiers a diagnosis read, so an outside finding's confirm command names them instead of placeholders.</summary>
internal sealed record OutsideContext(string? Cluster, string? Task, string? Service, string? TaskDefinition, string? KubeContext, string? Namespace, string? Pod)
{
    public static OutsideContext None { get; } = new(null, null, null, null, null, null, null);

    public static OutsideContext From(DiagnosisContext context)
    {
        var task = context.Task;
        var service = context.Service;
        return new(
            task?.ClusterName ?? LastSegment(service?.ClusterArn),
            task?.TaskId,
            service?.ServiceName,
            task?.TaskDefinitionArn ?? service?.TaskDefinition,
            context.KubernetesCluster,
            context.Pod?.Namespace,
            context.Pod?.Name);
    }

    private static string? LastSegment(string? arn) => arn?[(arn.LastIndexOf('/') + 1)..];

    /// <summary>`aws ecs describe-tasks` for the task read, or the listing that finds it.</summary>
    public string DescribeTask(string query) => Task is not null && Cluster is not null
        ? $"aws ecs describe-tasks --cluster {Cluster} --tasks {Task} --query '{query}'"
        : Cluster is not null ? $"aws ecs list-tasks --cluster {Cluster} --desired-status STOPPED" : "aws ecs list-clusters";

    /// <summary>The service's latest events, or the listing that finds the service.</summary>
    public string ServiceEvents() => Service is not null && Cluster is not null
        ? $"aws ecs describe-services --cluster {Cluster} --services {Service} --query 'services[0].events[0:5].message'"
        : Cluster is not null ? $"aws ecs list-services --cluster {Cluster}" : "aws ecs list-clusters";

    /// <summary>The pod's events, or the listing that finds the pod.</summary>
    public string PodEvents() => Pod is not null && Namespace is not null
        ? $"kubectl{KubeContextFlag} describe pod {Pod} -n {Namespace}"
        : ClusterWarnings();

    /// <summary>The cluster's nodes and their state, for a failure of the nodes themselves.</summary>
    public string Nodes() => $"kubectl{KubeContextFlag} get nodes -o wide";

    /// <summary>The cluster's warning events, for a failure that belongs to no pod (a controller's, an Ingress's).</summary>
    public string ClusterWarnings() => $"kubectl{KubeContextFlag} get events -A --field-selector type=Warning";

    private string KubeContextFlag => KubeContext is null ? string.Empty : $" --context {KubeContext}";
}
