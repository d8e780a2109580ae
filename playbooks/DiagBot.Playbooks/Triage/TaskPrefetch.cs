using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during a task's triage and beside its log lines, the task's service (which the service playbooks start
/// from) and every failure mode's early reads of a task (<see cref="EarlyReads"/>). The session caches each under the
/// key the playbooks use; what fails here is reported by the playbook that needs it, not by triage.
/// </summary>
internal static class TaskPrefetch
{
    public static Task ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        var service = ServiceScope.ServiceNameOf(task) is { } name
            ? evidence.Ecs.DescribeServiceAsync(task.ClusterArn, name, cancellationToken)
            : Task.CompletedTask;
        return Task.WhenAll([service, .. FailureModeCatalog.EarlyTaskReads.Select(read => read(evidence, task, cancellationToken))]);
    }
}
