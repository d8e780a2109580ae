using DiagBot.Playbooks.Classification.Signals;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Classification;

/// <summary>Every failure mode's signals come from the failure-mode catalogue; the two sets that point at no mode follow.</summary>
internal static class SignalCatalog
{
    public static IReadOnlyList<SignalRule> All { get; } =
    [
        .. FailureModeCatalog.Entries.SelectMany(entry => entry.Signals),
        .. NormalLifecycleSignals.Rules,
        .. Outside.OutsideCatalog.Rules,
    ];

    /// <summary>Per failure mode, the one identifier or read that confirms or refutes it, for an answer that is unsure.</summary>
    public static IReadOnlyDictionary<int, string> Deciders { get; } = new Dictionary<int, string>
    {
        [TaskStuckProvisioning.Number] = TaskStuckProvisioningSignals.Decider,
        [CannotPullContainer.Number] = CannotPullContainerSignals.Decider,
        [SecretsPullFailed.Number] = SecretsPullFailedSignals.Decider,
        [AppAccessDenied.Number] = AppAccessDeniedSignals.Decider,
        [Alb503NoTargets.Number] = Alb503NoTargetsSignals.Decider,
        [TargetsUnhealthy.Number] = TargetsUnhealthySignals.Decider,
        [TaskOutOfMemory.Number] = TaskOutOfMemorySignals.Decider,
        [CrashLoop.Number] = CrashLoopSignals.Decider,
        [EksPodsPending.Number] = EksPodsPendingSignals.Decider,
        [EksPodsContainerCreating.Number] = EksPodsContainerCreatingSignals.Decider,
        [SpotInterruption.Number] = SpotInterruptionSignals.Decider,
        [DeployStuck.Number] = DeployStuckSignals.Decider,
        [Alb504Timeout.Number] = Alb504TimeoutSignals.Decider,
        [ExecFormatError.Number] = ExecFormatErrorSignals.Decider,
        [EcsExecFails.Number] = EcsExecFailsSignals.Decider,
    };
}
