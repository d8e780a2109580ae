using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 8: the service's tasks start and exit non-zero again and again. What does the app say last, and will ECS stop retrying?</summary>
internal sealed class CrashLoopPlaybook : IPlaybook
{
    public const string BreakerOffSubCause = "crash-loop-retrying-forever";
    public const string RollbackSubCause = "crash-loop-rollback";
    public const string BreakerFailsSubCause = "crash-loop-deployment-fails";
    public const string BreakerUnreadSubCause = "crash-loop-breaker-unread";

    private const string EssentialContainerExited = "EssentialContainerExited";
    private const int RepeatedCrashes = 2;
    internal const int StoppedTasksRead = 3;

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForTask = [StoppedNeighboursAsync], ForService = [(evidence, service, _, cancellationToken) => CrashLastWords.PrefetchAsync(evidence, service, cancellationToken)] };

    // A task that crashed names its cluster and service group: its service's other stopped tasks can be listed at once.
    private static Task StoppedNeighboursAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        IsCrash(task) && ServiceScope.ServiceNameOf(task) is { } service
            ? ServiceScope.TasksAsync(evidence.Ecs, task.ClusterArn, service, "STOPPED", StoppedTasksRead, cancellationToken)
            : Task.CompletedTask;

    public int Id => CrashLoop.Number;

    public string Name => CrashLoop.Name;

    public string Title => CrashLoop.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } kubernetesCluster })
        {
            return await PodCrashLoop.InvestigateAsync(this, context, pod, kubernetesCluster, cancellationToken).ConfigureAwait(false);
        }

        // A crashed subject task's last words are needed whatever the service shows: ask now, beside the
        // service reads, and the session cache hands the answer over below.
        var subjectWords = context.Task is { } crashedSubject && IsCrash(crashedSubject)
            ? CrashLastWords.ReadAsync(context.Evidence, [crashedSubject], cancellationToken)
            : null;
        // A task names its cluster and service group, so its service's stopped tasks can be listed beside DescribeServices.
        var earlyListing = context is { Service: null, StoppedTasks.Count: <= 1, Task: { } member } && ServiceScope.ServiceNameOf(member) is { } group
            ? ServiceScope.TasksAsync(context.Evidence.Ecs, member.ClusterArn, group, "STOPPED", StoppedTasksRead, cancellationToken)
            : null;
        var (service, serviceGap) = await ServiceScope.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        var gaps = new List<EvidenceGap>(serviceGap is null ? [] : [serviceGap]);
        var stopped = context.StoppedTasks.ToList();
        if (stopped.Count <= 1 && service is not null)
        {
            var (listed, listGaps) = await (earlyListing ?? ServiceScope.TasksAsync(context.Evidence.Ecs, service, "STOPPED", StoppedTasksRead, cancellationToken)).ConfigureAwait(false);
            gaps.AddRange(listGaps);
            stopped = [.. listed.UnionBy(stopped, t => t.TaskArn)];
        }

        if (context.Task is { LastStatus: "STOPPED" } subjectTask && stopped.All(t => t.TaskArn != subjectTask.TaskArn))
        {
            stopped.Insert(0, subjectTask);
        }

        var crashed = stopped.Where(IsCrash).ToList();
        var deployment = service?.Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
        var failedTasks = deployment?.FailedTasks ?? 0;
        var evidence = CrashLoopEvidence.Tasks(stopped).Concat(CrashLoopEvidence.Service(service, deployment)).ToList();
        var serviceName = service?.ServiceName ?? (context.Task is { } t ? ServiceScope.ServiceNameOf(t) : null);
        var region = ServiceScope.RegionOf(service?.ServiceArn ?? context.Task?.TaskArn);
        var cluster = service is not null ? ServiceScope.ClusterNameOf(service, context.Task) : context.Task?.ClusterName ?? "default";

        if (crashed.Count == 0)
        {
            return NoCrashSeen(stopped, failedTasks, serviceName, evidence, gaps);
        }

        var (words, logGaps) = await CrashLastWords.ReadAsync(context.Evidence, crashed.Take(StoppedTasksRead).ToList(), cancellationToken).ConfigureAwait(false);
        if (subjectWords is not null)
        {
            // Already answered: the same reads were among those above, and the session made each once.
            await subjectWords.ConfigureAwait(false);
        }

        gaps.AddRange(logGaps);
        evidence.AddRange(CrashLoopEvidence.LastWords(words));
        var fatal = words.FirstOrDefault(w => w.Fatal is not null);
        var repeated = crashed.Count >= RepeatedCrashes || failedTasks >= RepeatedCrashes;
        var first = crashed[0];
        var exit = first.Containers.First(c => c.ExitCode is not null and not 0);
        var lifetime = first.StartedAt is { } started && first.StoppedAt is { } stoppedAt ? $" {(int)(stoppedAt - started).TotalSeconds} s after starting" : string.Empty;
        var said = fatal is not null ? $"its last fatal line is \"{fatal.Fatal}\"" : words.Count > 0 ? "it logged no error before exiting" : "its last log lines could not be read";
        var who = serviceName is null ? $"Task {first.TaskId}" : $"Service {serviceName}";
        var what = $"{who}: {crashed.Count} of its last {stopped.Count} stopped tasks exited {exit.ExitCode} (container {exit.Name}){lifetime}"
            + (failedTasks > 0 ? $", and the deployment has {failedTasks} failed tasks" : string.Empty) + $"; {said}";

        // How the tasks exited, then what the app said last: the two facts the root cause quotes.
        var confirm = ServiceCli.StoppedTasks(region, cluster, crashed.Take(StoppedTasksRead).Select(c => c.TaskId))
            + (words.FirstOrDefault() is { } w ? " && " + ServiceCli.LastLogLines(w.Group, w.Stream, region) : string.Empty);
        var (subCause, breaker) = Breaker(service, deployment, serviceName);
        var proven = repeated && fatal is not null && service is not null;
        var status = !repeated && serviceName is null ? VerdictStatus.RuledOut : proven ? VerdictStatus.Confirmed : VerdictStatus.Likely;
        return NewVerdict(status, status == VerdictStatus.RuledOut ? $"{what}; a standalone task that crashed once is not a loop: nothing restarts it." : $"{what}. {breaker}")
            with
            {
                SubCause = status == VerdictStatus.RuledOut ? null : subCause,
                Evidence = evidence,
                Missing = gaps,
                Fix = CrashLoopEvidence.Fix(subCause, fatal?.Fatal, exit.Name, region, cluster, serviceName),
                Confirm = confirm,
                Charts = status == VerdictStatus.RuledOut ? [] : CrashLoopEvidence.Timeline(service, stopped, who, exit.ExitCode!.Value, context.Now),
            };
    }

    internal static bool IsCrash(EcsTask task) =>
        (task.StopCode == EssentialContainerExited || (task.StoppedReason?.Contains("Essential container in task exited", StringComparison.OrdinalIgnoreCase) ?? false))
        && task.Containers.Any(c => c.ExitCode is not null and not 0);

    private static (string SubCause, string Text) Breaker(EcsService? service, EcsDeployment? deployment, string? serviceName) => service switch
    {
        null => (BreakerUnreadSubCause, $"Whether the deployment circuit breaker of {serviceName ?? "the service"} will stop it could not be read."),
        { CircuitBreakerEnabled: not true } => (BreakerOffSubCause, "The deployment circuit breaker is off, so ECS keeps replacing the tasks for ever and the deployment never fails or rolls back."),
        { CircuitBreakerRollback: true } => (RollbackSubCause, deployment?.RolloutState == "FAILED"
            ? "The circuit breaker failed the deployment and rolls the service back to its last completed deployment."
            : "The circuit breaker is on with rollback: once failed tasks reach its threshold (half the desired count, at least 3, at most 200) ECS fails the deployment and rolls back to the last completed one."),
        _ => (BreakerFailsSubCause, "The circuit breaker is on without rollback: once failed tasks reach its threshold ECS marks the deployment FAILED and stops launching tasks, leaving the service short."),
    };

    private Verdict NoCrashSeen(List<EcsTask> stopped, int failedTasks, string? serviceName, List<EvidenceItem> evidence, List<EvidenceGap> gaps)
    {
        if (stopped.Count == 0 && gaps.Count > 0)
        {
            return NewVerdict(failedTasks >= RepeatedCrashes ? VerdictStatus.Likely : VerdictStatus.Inconclusive,
                    failedTasks >= RepeatedCrashes
                        ? $"Service {serviceName}'s deployment has {failedTasks} failed tasks, but its stopped tasks could not be read to show how they exited."
                        : "The service's stopped tasks could not be read, so whether they crash is unknown.")
                with { Evidence = evidence, Missing = gaps, SubCause = failedTasks >= RepeatedCrashes ? BreakerUnreadSubCause : null };
        }

        var exitedZero = stopped.Any(t => t.StopCode == EssentialContainerExited && t.Containers.All(c => c.ExitCode is null or 0));
        return NewVerdict(VerdictStatus.RuledOut, exitedZero
                ? "The stopped tasks' essential containers exited 0: they finished (a batch job's normal end), they did not crash."
                : $"No recently stopped task {(serviceName is null ? string.Empty : $"of service {serviceName} ")}exited non-zero from an essential container{(failedTasks > 0 ? string.Create(CultureInfo.InvariantCulture, $" (the deployment counts {failedTasks} failed tasks)") : string.Empty)}.")
            with { Evidence = evidence, Missing = gaps };
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
