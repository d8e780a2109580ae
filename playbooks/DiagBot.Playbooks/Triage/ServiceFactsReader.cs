using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// The first facts of a service: its recent events and deployments, its latest stopped tasks, its targets'
/// health and its recent log lines. The reads that do not depend on each other run in parallel.
/// </summary>
internal static class ServiceFactsReader
{
    public const int StoppedTasksRead = 3;
    private const int RecentEventsRead = 10;
    // A long IN_PROGRESS deployment is also what a crash loop looks like; failed tasks tell the two apart.
    private const double StuckDeploymentScore = 0.4;
    private const double FailingDeploymentScore = 0.55;
    private const int FailedTasksForCrashLoop = 3;
    private static readonly TimeSpan RecentEventWindow = TimeSpan.FromHours(3);
    private static readonly TimeSpan StuckDeploymentAfter = TimeSpan.FromMinutes(30);

    public static async Task<ServiceFirstFacts> ReadAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Newest first, so the first stopped task is the one a task-level playbook looks at.
        var stopped = ServiceScope.TasksAsync(evidence.Ecs, service, "STOPPED", StoppedTasksRead, cancellationToken);
        var targets = TargetHealthFacts.ReadAsync(evidence.LoadBalancing, service, cancellationToken);
        var logs = ServiceLogFacts.ReadAsync(evidence, service, now, cancellationToken);
        var startFacts = StartFailureFactsAsync(evidence, stopped, cancellationToken);
        await Task.WhenAll(stopped, targets, logs, startFacts, ServicePrefetch.ReadAsync(evidence, service, now, cancellationToken)).ConfigureAwait(false);

        var (tasks, taskGaps) = await stopped.ConfigureAwait(false);
        var logFacts = (await logs.ConfigureAwait(false)).Facts;
        var facts = EventFacts(service, now)
            .Concat(DeploymentFacts(service, now))
            .Concat(tasks.SelectMany(TaskFacts.From))
            .Concat(await startFacts.ConfigureAwait(false))
            .Concat((await targets.ConfigureAwait(false)).Facts)
            .Concat(logFacts)
            .Concat(service.LoadBalancers.Count > 0 ? SlowRequestFacts.From(logFacts) : [])
            .ToList();
        var gaps = taskGaps.Concat((await targets.ConfigureAwait(false)).Gaps).Concat((await logs.ConfigureAwait(false)).Gaps).ToList();
        return new ServiceFirstFacts(tasks, facts, gaps);
    }

    // The newest task that never started is read on its subnet's free addresses, beside the log reads of the same round.
    private static async Task<IReadOnlyList<TriageFact>> StartFailureFactsAsync(
        IEvidenceSource evidence, Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EvidenceGap> Gaps)> stopped, CancellationToken cancellationToken)
    {
        var (tasks, _) = await stopped.ConfigureAwait(false);
        return tasks.FirstOrDefault(StartFailureFacts.NeverStarted) is { } task
            ? await StartFailureFacts.FreeAddressesAsync(evidence, task, cancellationToken).ConfigureAwait(false)
            : [];
    }

    private static IEnumerable<TriageFact> EventFacts(EcsService service, DateTimeOffset now) =>
        service.Events
            .Where(e => e.CreatedAt is null || now - e.CreatedAt <= RecentEventWindow)
            .Take(RecentEventsRead)
            .Select(e => new TriageFact(EvidenceField.ServiceEvent, e.Message, null, "ecs:DescribeServices events"));

    private static IEnumerable<TriageFact> DeploymentFacts(EcsService service, DateTimeOffset now)
    {
        foreach (var deployment in service.Deployments.Where(d => d.Status == "PRIMARY"))
        {
            if (deployment.RolloutState == "IN_PROGRESS" && deployment.CreatedAt is { } created && now - created >= StuckDeploymentAfter)
            {
                yield return TriageFact.Pointing(
                    DeployStuck.Number,
                    StuckDeploymentScore,
                    "ecs:DescribeServices deployments",
                    $"deployment {deployment.Id} has been IN_PROGRESS for {(int)(now - created).TotalMinutes} minutes");
            }

            if (deployment.FailedTasks >= FailedTasksForCrashLoop)
            {
                yield return TriageFact.Pointing(CrashLoop.Number, FailingDeploymentScore, "ecs:DescribeServices deployments", $"deployment {deployment.Id} has {deployment.FailedTasks} failed tasks");
            }

            if (!string.IsNullOrWhiteSpace(deployment.RolloutStateReason) && deployment.RolloutState != "COMPLETED")
            {
                yield return new TriageFact(EvidenceField.ServiceEvent, deployment.RolloutStateReason, null, "ecs:DescribeServices rolloutStateReason");
            }
        }
    }
}
