using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Every failure mode, in one visible list keyed by its kebab name: its identity, its playbook and its signals.
/// A new mode is one line here (docs/contributing/new-failure-mode.md); nothing else lists the modes or counts them.
/// </summary>
internal static class FailureModeCatalog
{
    /// <summary>In the order of their numbers, which is the order of docs/architecture.md's table.</summary>
    public static IReadOnlyList<FailureModeEntry> Entries { get; } =
    [
        new(TaskStuckProvisioning.Mode, () => new TaskStuckProvisioningPlaybook(), TaskStuckProvisioningSignals.Rules),
        new(CannotPullContainer.Mode, () => new CannotPullContainerPlaybook(), CannotPullContainerSignals.Rules),
        new(SecretsPullFailed.Mode, () => new SecretsPullFailedPlaybook(), SecretsPullFailedSignals.Rules),
        new(AppAccessDenied.Mode, () => new AppAccessDeniedPlaybook(), AppAccessDeniedSignals.Rules),
        new(Alb503NoTargets.Mode, () => new Alb503NoTargetsPlaybook(), Alb503NoTargetsSignals.Rules),
        new(TargetsUnhealthy.Mode, () => new TargetsUnhealthyPlaybook(), TargetsUnhealthySignals.Rules),
        new(TaskOutOfMemory.Mode, () => new TaskOutOfMemoryPlaybook(), TaskOutOfMemorySignals.Rules),
        new(CrashLoop.Mode, () => new CrashLoopPlaybook(), CrashLoopSignals.Rules),
        new(EksPodsPending.Mode, () => new EksPodsPendingPlaybook(), EksPodsPendingSignals.Rules),
        new(EksPodsContainerCreating.Mode, () => new EksPodsContainerCreatingPlaybook(), EksPodsContainerCreatingSignals.Rules),
        new(SpotInterruption.Mode, () => new SpotInterruptionPlaybook(), SpotInterruptionSignals.Rules),
        new(DeployStuck.Mode, () => new DeployStuckPlaybook(), DeployStuckSignals.Rules),
        new(Alb504Timeout.Mode, () => new Alb504TimeoutPlaybook(), Alb504TimeoutSignals.Rules),
        new(ExecFormatError.Mode, () => new ExecFormatErrorPlaybook(), ExecFormatErrorSignals.Rules),
        new(EcsExecFails.Mode, () => new EcsExecFailsPlaybook(), EcsExecFailsSignals.Rules),
    ];

    public static IReadOnlyDictionary<string, FailureModeEntry> ByName { get; } = Entries.ToDictionary(e => e.Mode.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FailureMode> Modes { get; } = [.. Entries.Select(e => e.Mode)];
}

/// <summary>One failure mode as the catalogue knows it.</summary>
internal sealed record FailureModeEntry(FailureMode Mode, Func<IPlaybook> CreatePlaybook, IReadOnlyList<SignalRule> Signals);
