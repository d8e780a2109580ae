using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Reads, during a service's triage and beside its other reads, the service's running tasks and every failure mode's
/// early reads of a service (<see cref="EarlyReads"/>). The session caches each answer under the key the playbooks
/// use, so a playbook starts one round trip further on; what fails here is reported by the playbook that needs it.
/// </summary>
internal static class ServicePrefetch
{
    // Enough for the playbooks' first look; playbook 12 reads up to ten and asks for the rest itself.
    private const int RunningTasksDescribed = 3;

    /// <summary>
    /// Lists and describes the service's tasks from the subject's words alone, beside DescribeServices rather than
    /// after it: ListTasks needs only the cluster and the service's name.
    /// </summary>
    public static Task TasksAsync(IEvidenceSource evidence, string cluster, string serviceName, CancellationToken cancellationToken) =>
        Task.WhenAll(
            ServiceScope.TasksAsync(evidence.Ecs, cluster, serviceName, "RUNNING", RunningTasksDescribed, cancellationToken),
            ServiceScope.TasksAsync(evidence.Ecs, cluster, serviceName, "STOPPED", ServiceFactsReader.StoppedTasksRead, cancellationToken));

    public static Task ReadAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.WhenAll([
            ServiceScope.TasksAsync(evidence.Ecs, service, "RUNNING", RunningTasksDescribed, cancellationToken),
            .. FailureModeCatalog.EarlyServiceReads.Select(read => read(evidence, service, now, cancellationToken)),
        ]);
}
