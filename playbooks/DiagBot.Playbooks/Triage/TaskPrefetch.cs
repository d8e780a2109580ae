using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during a task's triage and beside its log lines, the service the task belongs to: most playbooks that
/// run for a service's task ask for it first (crash loop, spot capacity, deploy stuck, ECS Exec). The session
/// caches it under the key they use; what fails here is reported by the playbook that needs it, not by triage.
/// </summary>
internal static class TaskPrefetch
{
    public static Task ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        ServiceScope.ServiceNameOf(task) is { } service
            ? evidence.Ecs.DescribeServiceAsync(task.ClusterArn, service, cancellationToken)
            : Task.CompletedTask;
}
