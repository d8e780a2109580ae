using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during a task's triage and beside its log lines, what the playbooks that run for a service's task ask
/// for first: the service (crash loop, spot capacity, deploy stuck, ECS Exec), for a task that crashed the service's
/// other stopped tasks (crash loop), and for a task that never started or still runs its subnet (network path:
/// why it could not start, or why ECS Exec cannot reach it), and for a container that exited 137 the task's memory
/// metrics (out of memory). The session caches each under the key they use; what
/// fails here is reported by the playbook that needs it, not by triage.
/// </summary>
internal static class TaskPrefetch
{
    public static Task ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        Task.WhenAll(ServiceReadsAsync(evidence, task, cancellationToken), SubnetAsync(evidence, task, cancellationToken),
            TaskMemoryMetrics.PrefetchAsync(evidence, task, cancellationToken));

    // Playbooks 1, 2, 3 and 15 follow a task's network path from its subnet: a task that never started, or a running one to exec into.
    private static Task SubnetAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        var subnet = task.Attachments.Select(a => a.Details.GetValueOrDefault("subnetId")).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        return subnet is not null && (task.StartedAt is null || task.StoppedAt is null)
            ? evidence.Network.DescribeSubnetsAsync([subnet], AwsScope.FromArn(task.TaskArn), cancellationToken)
            : Task.CompletedTask;
    }

    private static Task ServiceReadsAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
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
