using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Every failure mode, in one visible list keyed by its kebab name: its identity, its playbook, its signals, the read
/// that decides it when triage is unsure, and the reads it wants started early.
/// A new mode is one line here (docs/contributing/new-failure-mode.md); nothing else lists the modes or counts them.
/// </summary>
internal static class FailureModeCatalog
{
    /// <summary>In the order of their numbers, which is the order of docs/architecture.md's table.</summary>
    public static IReadOnlyList<FailureModeEntry> Entries { get; } =
    [
        new(TaskStuckProvisioning.Mode, () => new TaskStuckProvisioningPlaybook(),
            TaskStuckProvisioningSignals.Rules, TaskStuckProvisioningSignals.Decider,
            TaskStuckProvisioningPlaybook.EarlyReads),
        new(CannotPullContainer.Mode, () => new CannotPullContainerPlaybook(),
            CannotPullContainerSignals.Rules, CannotPullContainerSignals.Decider,
            CannotPullContainerPlaybook.EarlyReads),
        new(SecretsPullFailed.Mode, () => new SecretsPullFailedPlaybook(),
            SecretsPullFailedSignals.Rules, SecretsPullFailedSignals.Decider,
            SecretsPullFailedPlaybook.EarlyReads),
        new(AppAccessDenied.Mode, () => new AppAccessDeniedPlaybook(),
            AppAccessDeniedSignals.Rules, AppAccessDeniedSignals.Decider,
            AppAccessDeniedPlaybook.EarlyReads),
        new(Alb503NoTargets.Mode, () => new Alb503NoTargetsPlaybook(),
            Alb503NoTargetsSignals.Rules, Alb503NoTargetsSignals.Decider,
            Alb503NoTargetsPlaybook.EarlyReads),
        new(TargetsUnhealthy.Mode, () => new TargetsUnhealthyPlaybook(),
            TargetsUnhealthySignals.Rules, TargetsUnhealthySignals.Decider,
            TargetsUnhealthyPlaybook.EarlyReads),
        new(TaskOutOfMemory.Mode, () => new TaskOutOfMemoryPlaybook(),
            TaskOutOfMemorySignals.Rules, TaskOutOfMemorySignals.Decider,
            TaskOutOfMemoryPlaybook.EarlyReads),
        new(CrashLoop.Mode, () => new CrashLoopPlaybook(),
            CrashLoopSignals.Rules, CrashLoopSignals.Decider,
            CrashLoopPlaybook.EarlyReads),
        new(EksPodsPending.Mode, () => new EksPodsPendingPlaybook(),
            EksPodsPendingSignals.Rules, EksPodsPendingSignals.Decider,
            EksPodsPendingPlaybook.EarlyReads),
        new(EksPodsContainerCreating.Mode, () => new EksPodsContainerCreatingPlaybook(),
            EksPodsContainerCreatingSignals.Rules, EksPodsContainerCreatingSignals.Decider,
            EksPodsContainerCreatingPlaybook.EarlyReads),
        new(SpotInterruption.Mode, () => new SpotInterruptionPlaybook(),
            SpotInterruptionSignals.Rules, SpotInterruptionSignals.Decider,
            EarlyReads.None),
        new(DeployStuck.Mode, () => new DeployStuckPlaybook(),
            DeployStuckSignals.Rules, DeployStuckSignals.Decider,
            DeployStuckPlaybook.EarlyReads),
        new(Alb504Timeout.Mode, () => new Alb504TimeoutPlaybook(),
            Alb504TimeoutSignals.Rules, Alb504TimeoutSignals.Decider,
            Alb504TimeoutPlaybook.EarlyReads),
        new(ExecFormatError.Mode, () => new ExecFormatErrorPlaybook(),
            ExecFormatErrorSignals.Rules, ExecFormatErrorSignals.Decider,
            EarlyReads.None),
        new(EcsExecFails.Mode, () => new EcsExecFailsPlaybook(),
            EcsExecFailsSignals.Rules, EcsExecFailsSignals.Decider,
            EcsExecFailsPlaybook.EarlyReads),
    ];

    public static IReadOnlyDictionary<string, FailureModeEntry> ByName { get; } = Entries.ToDictionary(e => e.Mode.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FailureMode> Modes { get; } = [.. Entries.Select(e => e.Mode)];

    /// <summary>Every mode's early reads of a task, each once however many modes share it.</summary>
    public static IReadOnlyList<Func<IEvidenceSource, EcsTask, CancellationToken, Task>> EarlyTaskReads { get; } =
        [.. Entries.SelectMany(e => e.EarlyReads.ForTask).Distinct()];

    /// <summary>Every mode's early reads of a service, each once however many modes share it.</summary>
    public static IReadOnlyList<Func<IEvidenceSource, EcsService, DateTimeOffset, CancellationToken, Task>> EarlyServiceReads { get; } =
        [.. Entries.SelectMany(e => e.EarlyReads.ForService).Distinct()];

    /// <summary>Every mode's early reads of a pod, each once however many modes share it.</summary>
    public static IReadOnlyList<Func<IEvidenceSource, PodAtHand, CancellationToken, Task>> EarlyPodReads { get; } =
        [.. Entries.SelectMany(e => e.EarlyReads.ForPod).Distinct()];

    /// <summary>Every mode's early reads of a pod's namespace, each once however many modes share it.</summary>
    public static IReadOnlyList<Func<IEvidenceSource, NamespaceAtHand, CancellationToken, Task>> EarlyNamespaceReads { get; } =
        [.. Entries.SelectMany(e => e.EarlyReads.ForNamespace).Distinct()];

    /// <summary>The early reads of a controller's target group that the given modes declare, each once.</summary>
    public static IReadOnlyList<Func<IEvidenceSource, GroupAtHand, CancellationToken, Task>> EarlyControllerGroupReads(IEnumerable<int> modes) =>
        [.. Entries.Where(e => modes.Contains(e.Mode.Number)).SelectMany(e => e.EarlyReads.ForControllerGroup).Distinct()];
}

/// <summary>One failure mode as the catalogue knows it.</summary>
/// <param name="Decider">The one identifier or read that confirms or refutes the mode, named when an answer is unsure.</param>
internal sealed record FailureModeEntry(
    FailureMode Mode, Func<IPlaybook> CreatePlaybook, IReadOnlyList<SignalRule> Signals, string Decider, EarlyReads EarlyReads);
