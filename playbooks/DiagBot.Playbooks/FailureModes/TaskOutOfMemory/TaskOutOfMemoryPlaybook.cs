using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 7: a container exited 137. Memory, or a SIGKILL after the stop timeout?</summary>
internal sealed class TaskOutOfMemoryPlaybook : IPlaybook
{
    public const string OomSubCause = OomReason.SubCause;
    public const string SigKillSubCause = "sigkill-after-stop-timeout";

    private const int DefaultStopTimeoutSeconds = 30;

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForTask = [TaskMemoryMetrics.PrefetchAsync], ForPod = [PodMemoryMetrics.EarlyAsync] };

    public int Id => TaskOutOfMemory.Number;

    public string Name => TaskOutOfMemory.Name;

    public string Title => TaskOutOfMemory.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodOutOfMemory.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        if (context.Task is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No task or pod to read exit codes from; give the task id or ARN, or `pod <namespace>/<name>`.");
        }

        // Read the reason before the exit code: 137 is not always memory, and an OOM can come with exit 0.
        var oomKilled = task.Containers.FirstOrDefault(c => OomReason.In(c.Reason));
        var killed = oomKilled ?? task.Containers.FirstOrDefault(c => c.ExitCode == ExitCodes.SigKill);
        if (killed is null)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"No container of task {task.TaskId} exited 137 or was killed for memory.")
                with { Evidence = ContainerEvidence(task).ToList() };
        }

        // The memory metrics go out beside the task definition: neither waits for the other.
        var definitionRead = context.Evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken);
        var memoryRead = TaskMemoryMetrics.ReadAsync(context.Evidence, task, cancellationToken);
        var definition = await definitionRead.ConfigureAwait(false);
        var (memory, memoryGap) = await memoryRead.ConfigureAwait(false);
        var containerDefinition = definition.Value?.ContainerDefinitions.FirstOrDefault(d => d.Name == killed.Name);
        var limit = LimitMiB(definition.Value, containerDefinition);
        var evidence = ContainerEvidence(task).Concat(LimitEvidence(definition.Value, containerDefinition))
            .Concat(memory is null ? [] : TaskMemoryEvidence.Facts(memory, task, limit)).ToList();
        IReadOnlyList<EvidenceGap> missing = [.. new[] { definition.Gap, memoryGap }.OfType<EvidenceGap>()];

        // Memory at the limit just before a 137 points to the OOM killer even when ECS gave no reason.
        var atLimit = memory?.PeakShareBeforeStop(limit) >= TaskMemory.AtLimitShare;
        var verdict = oomKilled is not null ? OutOfMemory(task, killed, definition.Value, containerDefinition, evidence, missing)
            : atLimit ? OutOfMemory(task, killed, definition.Value, containerDefinition, evidence, missing) with
            {
                Status = VerdictStatus.Likely,
                RootCause = $"Container {killed.Name} most likely ran out of memory: it exited 137 with no reason given, but the task's memory was at its limit in the minutes before it stopped.",
            }
            : SigKill(task, killed, containerDefinition, evidence, missing);
        if (memory is null)
        {
            return verdict;
        }

        var charts = TaskMemoryEvidence.Charts(memory, task, killed, limit, outOfMemory: oomKilled is not null || atLimit);
        var fix = memory.HasContainerInsights ? verdict.Fix : [.. verdict.Fix, TaskMemoryEvidence.TurnOnContainerInsights(task)];
        return verdict with { Charts = charts, Fix = fix };
    }

    // The limit the task's memory is held to: the killed container's hard limit, else the task's memory.
    private static double? LimitMiB(EcsTaskDefinition? definition, EcsContainerDefinition? container) =>
        (double?)container?.Memory ?? (double.TryParse(definition?.Memory, NumberStyles.Integer, CultureInfo.InvariantCulture, out var task) ? task : null);

    private Verdict OutOfMemory(EcsTask task, EcsContainer container, EcsTaskDefinition? definition, EcsContainerDefinition? containerDefinition, List<EvidenceItem> evidence, IReadOnlyList<EvidenceGap> missing)
    {
        var limit = containerDefinition?.Memory is int hard
            ? $"its container hard limit of {hard} MiB"
            : definition?.Memory is { } taskMemory ? $"the task's {taskMemory} MiB" : "its memory limit";
        return NewVerdict(
                VerdictStatus.Confirmed,
                $"Container {container.Name} ran out of memory: it used more than {limit} and was killed (exit {Describe(container.ExitCode)}).")
            with
            {
                SubCause = OomSubCause,
                Evidence = evidence,
                Missing = missing,
                Fix =
                [
                    $"Compare the container's peak memory with {limit}: CloudWatch metric MemoryUtilization for the service, or Container Insights.",
                    $"Raise `memory` for container {container.Name} (and the task-level `memory` on Fargate) in a new task definition revision, then update the service.",
                    "If usage grows without bound, look for a leak or cap the runtime's heap (e.g. -XX:MaxRAMPercentage, --max-old-space-size) below the limit.",
                ],
                Confirm = AwsCli.DescribeTaskContainers(task),
            };
    }

    private Verdict SigKill(EcsTask task, EcsContainer container, EcsContainerDefinition? containerDefinition, List<EvidenceItem> evidence, IReadOnlyList<EvidenceGap> missing)
    {
        var stopTimeout = containerDefinition?.StopTimeout ?? DefaultStopTimeoutSeconds;
        var requested = task.StopCode is "UserInitiated" or "ServiceSchedulerInitiated" or "TerminationNotice" or "SpotInterruption";
        var why = requested
            ? $"the task was being stopped ({task.StopCode}: {task.StoppedReason})"
            : $"the task was stopped ({task.StoppedReason ?? "no reason given"})";

        // ECS reports 137 without an OOM reason when the agent SIGKILLs after stopTimeout.
        return NewVerdict(
                VerdictStatus.RuledOut,
                $"Not memory: container {container.Name} exited 137 with no out-of-memory reason because {why} and it did not exit within the {stopTimeout} s stop timeout after SIGTERM, so ECS sent SIGKILL.")
            with
            {
                SubCause = SigKillSubCause,
                Evidence = evidence,
                Missing = missing,
                Fix =
                [
                    $"Make container {container.Name} handle SIGTERM and exit promptly (run the app as PID 1 or through an init such as `initProcessEnabled`, so the signal reaches it).",
                    $"If shutdown genuinely needs longer, raise `stopTimeout` (now {stopTimeout} s; at most 120 s on Fargate) in the container definition.",
                ],
                Confirm = AwsCli.DescribeTaskDefinitionMemory(task),
            };
    }

    private static IEnumerable<EvidenceItem> ContainerEvidence(EcsTask task)
    {
        yield return new EvidenceItem("ecs:DescribeTasks", "task stop code", task.StopCode ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task stopped reason", task.StoppedReason ?? "(none)");
        foreach (var container in task.Containers)
        {
            yield return new EvidenceItem("ecs:DescribeTasks", $"container {container.Name} exit code", Describe(container.ExitCode));
            yield return new EvidenceItem("ecs:DescribeTasks", $"container {container.Name} reason", container.Reason ?? "(none)");
        }
    }

    private static IEnumerable<EvidenceItem> LimitEvidence(EcsTaskDefinition? definition, EcsContainerDefinition? container)
    {
        if (definition is not null)
        {
            yield return new EvidenceItem("ecs:DescribeTaskDefinition", "task memory (MiB)", definition.Memory ?? "(not set)");
        }

        if (container is not null)
        {
            yield return new EvidenceItem("ecs:DescribeTaskDefinition", $"container {container.Name} memory hard limit (MiB)", Describe(container.Memory));
            yield return new EvidenceItem("ecs:DescribeTaskDefinition", $"container {container.Name} stopTimeout (s)", container.StopTimeout?.ToString(CultureInfo.InvariantCulture) ?? $"(default {DefaultStopTimeoutSeconds})");
        }
    }

    private static string Describe(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
