using DiagBot.Playbooks.Classification.Signals;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Classification;

// Every signal set, in one visible list: a new failure mode's signals are added here, not discovered.
internal static class SignalCatalog
{
    public static IReadOnlyList<SignalRule> All { get; } =
    [
        .. TaskStuckProvisioningSignals.Rules,
        .. CannotPullContainerSignals.Rules,
        .. SecretsPullFailedSignals.Rules,
        .. AppAccessDeniedSignals.Rules,
        .. Alb503NoTargetsSignals.Rules,
        .. TargetsUnhealthySignals.Rules,
        .. TaskOutOfMemorySignals.Rules,
        .. CrashLoopSignals.Rules,
        .. EksPodsPendingSignals.Rules,
        .. EksPodsContainerCreatingSignals.Rules,
        .. SpotInterruptionSignals.Rules,
        .. DeployStuckSignals.Rules,
        .. Alb504TimeoutSignals.Rules,
        .. ExecFormatErrorSignals.Rules,
        .. EcsExecFailsSignals.Rules,
        .. NormalLifecycleSignals.Rules,
        .. Outside.OutsideCatalog.Rules,
    ];

    /// <summary>Per failure mode, the one identifier or read that confirms or refutes it, for an answer that is unsure.</summary>
    public static IReadOnlyDictionary<int, string> Deciders { get; } = new Dictionary<int, string>
    {
        [TaskStuckProvisioningSignals.Playbook] = TaskStuckProvisioningSignals.Decider,
        [CannotPullContainerSignals.Playbook] = CannotPullContainerSignals.Decider,
        [SecretsPullFailedSignals.Playbook] = SecretsPullFailedSignals.Decider,
        [AppAccessDeniedSignals.Playbook] = AppAccessDeniedSignals.Decider,
        [Alb503NoTargetsSignals.Playbook] = Alb503NoTargetsSignals.Decider,
        [TargetsUnhealthySignals.Playbook] = TargetsUnhealthySignals.Decider,
        [TaskOutOfMemorySignals.Playbook] = TaskOutOfMemorySignals.Decider,
        [CrashLoopSignals.Playbook] = CrashLoopSignals.Decider,
        [EksPodsPendingSignals.Playbook] = EksPodsPendingSignals.Decider,
        [EksPodsContainerCreatingSignals.Playbook] = EksPodsContainerCreatingSignals.Decider,
        [SpotInterruptionSignals.Playbook] = SpotInterruptionSignals.Decider,
        [DeployStuckSignals.Playbook] = DeployStuckSignals.Decider,
        [Alb504TimeoutSignals.Playbook] = Alb504TimeoutSignals.Decider,
        [ExecFormatErrorSignals.Playbook] = ExecFormatErrorSignals.Decider,
        [EcsExecFailsSignals.Playbook] = EcsExecFailsSignals.Decider,
    };
}
