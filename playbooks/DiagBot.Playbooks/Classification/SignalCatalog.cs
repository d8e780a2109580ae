using DiagBot.Playbooks.Classification.Signals;

namespace DiagBot.Playbooks.Classification;

// Every signal set, in one visible list: a new failure mode's signals are added here, not discovered.
internal static class SignalCatalog
{
    public static IReadOnlyList<SignalRule> All { get; } =
    [
        .. ProvisioningSignals.Rules,
        .. CannotPullContainerSignals.Rules,
        .. SecretsSignals.Rules,
        .. AppAccessDeniedSignals.Rules,
        .. AlbNoRegisteredTargetsSignals.Rules,
        .. UnhealthyTargetsSignals.Rules,
        .. OutOfMemorySignals.Rules,
        .. CrashLoopSignals.Rules,
        .. PodsPendingSignals.Rules,
        .. PodsContainerCreatingSignals.Rules,
        .. SpotInterruptionSignals.Rules,
        .. DeploymentStuckSignals.Rules,
        .. GatewayTimeoutSignals.Rules,
        .. ExecFormatSignals.Rules,
        .. ExecCommandSignals.Rules,
        .. NormalLifecycleSignals.Rules,
        .. OutsideFifteenSignals.Rules,
    ];
}
