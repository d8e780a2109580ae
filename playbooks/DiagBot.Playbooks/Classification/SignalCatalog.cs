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
        .. OutsideFifteenSignals.Rules,
    ];
}
