using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The path of a task: describe it (or find it in the archive), read its first facts, rank, run.</summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnoseTaskAsync(
        TaskSubject task, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var evidence = context.Evidence;
        var described = await evidence.Ecs.DescribeTaskAsync(task.Task, cancellationToken).ConfigureAwait(false);
        var (archived, archiveGap) = described.Gap?.Reason == GapReason.NotFound && archive is not null
            ? await ArchiveLookup.FindAsync(archive, task.Task, cancellationToken).ConfigureAwait(false)
            : (null, null);
        if ((described.Value ?? archived?.Task) is not { } ecsTask)
        {
            return archiveGap is null
                ? UnreadableTask(task, described.Gap!, context)
                : new DiagnosisReport { Subject = task, TriageGaps = [described.Gap!, archiveGap] };
        }

        // Not awaited here: triage need not wait for it; the playbooks that want it find it in the session cache.
        var prefetch = TaskPrefetch.ReadAsync(evidence, ecsTask, cancellationToken);
        var path = StartFailureFacts.PathAsync(evidence, ecsTask, cancellationToken);
        var freeAddresses = StartFailureFacts.FreeAddressesAsync(evidence, ecsTask, cancellationToken);
        var (logFacts, logGaps) = await TaskLogFacts.ReadAsync(evidence, ecsTask, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EvidenceGap> taskGaps = archived is null ? logGaps : [FromArchive(described.Gap!, archived), .. logGaps];
        IReadOnlyList<TriageFact> taskFacts = [.. TaskFacts.From(ecsTask), .. await freeAddresses.ConfigureAwait(false), .. logFacts];
        context = context with { Task = ecsTask, Facts = taskFacts };
        var report = await RunAsync(context, WithSymptom(task, taskFacts), taskGaps, progress, cancellationToken).ConfigureAwait(false);
        report = await WithNetworkPathAsync(report, context, path, cancellationToken).ConfigureAwait(false);
        await StartedReads.SettleAsync(prefetch).ConfigureAwait(false);
        return report;
    }

    // A never-started task's routes and endpoints arrive while the playbooks read (they share those reads, so no round
    // is added). If they show no way out, playbook 1 ranks first after all, and is asked if it was not among those run:
    // by now its reads are all in the session.
    private async Task<DiagnosisReport> WithNetworkPathAsync(
        DiagnosisReport report, DiagnosisContext context, Task<IReadOnlyList<TriageFact>> path, CancellationToken cancellationToken)
    {
        var pathFacts = await path.ConfigureAwait(false);
        if (pathFacts.Count == 0 || report.Ranking.FirstOrDefault()?.Playbook.Id == TaskStuckProvisioning.Number)
        {
            return report;
        }

        var ranking = WithSymptom(context.Subject, [.. context.Facts, .. pathFacts]);
        var verdicts = report.Verdicts.ToList();
        if (verdicts.All(v => v.Playbook != TaskStuckProvisioning.Number)
            && ranking.FirstOrDefault(r => r.Playbook.Id == TaskStuckProvisioning.Number) is { } first)
        {
            verdicts.Add(await InvestigateSafelyAsync(first.Playbook, context, cancellationToken).ConfigureAwait(false));
        }

        var order = ranking.Select(r => r.Playbook.Id).ToList();
        return report with
        {
            Ranking = ranking,
            Verdicts = [.. verdicts.OrderBy(v => StatusOrder(v.Status)).ThenBy(v => order.IndexOf(v.Playbook) is var at and >= 0 ? at : int.MaxValue)],
        };
    }

    // ECS forgets a stopped task after about an hour; the report says the facts came from the kept event instead.
    private static EvidenceGap FromArchive(EvidenceGap gap, ArchivedTaskFacts archived) => gap with
    {
        Detail = $"{gap.Detail}; diagnosed from the archived ECS Task State Change event received {archived.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
    };

    private DiagnosisReport UnreadableTask(TaskSubject subject, EvidenceGap gap, DiagnosisContext context) => gap.Reason switch
    {
        // A bare id among other words may be no task at all (the request id in a pasted AccessDenied, an awslogs stream's
        // UUID): the words are still read, and the id's absence is named as a gap with what to check.
        GapReason.NotFound when subject.Task.IsBareId && subject.Symptom is { } words => WordsAlone(subject, words, context) with
        {
            TriageGaps = [gap with { Detail = $"{gap.Detail}. {CheckTheId(subject)}; the other words were read alone" }],
        },
        GapReason.NotFound => new DiagnosisReport { Subject = subject, SubjectProblem = $"{gap.Detail}. {CheckTheId(subject)}." },
        GapReason.InvalidRequest => new DiagnosisReport { Subject = subject, SubjectProblem = $"{gap.Detail}. Give the full task ARN to say which one." },
        _ => new DiagnosisReport { Subject = subject, TriageGaps = [gap] },
    };

    private static string CheckTheId(TaskSubject subject) =>
        $"Check the id with `aws ecs list-tasks --cluster {subject.Task.Cluster ?? "<cluster>"} --desired-status STOPPED`, "
        + "or give the full task ARN (its cluster, account and region decide where DiagBot looks)";
}
