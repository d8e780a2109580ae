using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Ecs;

/// <summary>What diagnoses read from Amazon ECS. Failures come back as gaps, never as exceptions.</summary>
public interface IEcsEvidence
{
    /// <summary>
    /// DescribeTasks for one task. A bare id is looked up in the configured clusters; an unknown task is a
    /// NotFound gap; an id found in more than one cluster is an InvalidRequest gap naming every ARN.
    /// </summary>
    Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken);

    /// <summary>DescribeTaskDefinition, in the account and region of the task that uses it.</summary>
    Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken);

    /// <summary>ListTasks: the ARNs of the matching tasks, every page up to MaxTasks.</summary>
    Task<EvidenceResult<IReadOnlyList<string>>> ListTasksAsync(EcsTaskListQuery query, CancellationToken cancellationToken);

    /// <summary>DescribeServices for one service; <paramref name="cluster"/> is a name or an ARN (a task's ClusterArn).</summary>
    Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken);

    Task<EvidenceResult<IReadOnlyList<EcsContainerInstance>>> DescribeContainerInstancesAsync(
        string cluster, IReadOnlyList<string> containerInstanceArns, CancellationToken cancellationToken);

    /// <summary>
    /// The running tasks a deployment started (ListTasks startedBy, at most one a cluster), in every configured
    /// cluster at once: one call per configured cluster, however many services the account holds.
    /// </summary>
    Task<EvidenceResult<IReadOnlyList<string>>> ListTasksStartedByAsync(string startedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Every service of every cluster in one account and region (ListClusters, ListServices, DescribeServices), up to a
    /// bound: how the service behind a target group or an ECS deployment id is found.
    /// </summary>
    Task<EvidenceResult<EcsServiceSearch>> DescribeAllServicesAsync(AwsScope where, CancellationToken cancellationToken);
}
