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
}
