using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during a task's triage and beside its log lines, what the playbooks that run for a service's task ask
/// for first: the service (crash loop, spot capacity, deploy stuck, ECS Exec) and, for a task that crashed, the
/// service's other stopped tasks (crash loop). The session caches each under the key they use; what fails here is
/// reported by the playbook that needs it, not by triage.
/// </summary>
internal static class TaskPrefetch
{
    public static Task ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        if (ServiceScope.ServiceNameOf(task) is not { } service)
        {
            return Task.CompletedTask;
        }

        var described = evidence.Ecs.DescribeServiceAsync(task.ClusterArn, service, cancellationToken);
        return CrashLoopPlaybook.IsCrash(task)
            ? Task.WhenAll(described, ServiceScope.TasksAsync(evidence.Ecs, task.ClusterArn, service, "STOPPED", CrashLoopPlaybook.StoppedTasksRead, cancellationToken))
            : described;
    }
}
