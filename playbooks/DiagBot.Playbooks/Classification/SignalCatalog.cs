using DiagBot.Playbooks.Classification.Signals;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Classification;

/// <summary>Every failure mode's signals come from the failure-mode catalogue; the sets that point at no mode follow.</summary>
internal static class SignalCatalog
{
    public static IReadOnlyList<SignalRule> All { get; } =
    [
        .. FailureModeCatalog.Entries.SelectMany(entry => entry.Signals),
        .. NormalLifecycleSignals.Rules,
        .. OtherRuntimeSignals.Rules,
        .. CiRunnerSignals.Rules,
        .. OtherGatewaySignals.Rules,
        .. OtherPlatformSignals.Rules,
        .. OtherOrchestratorSignals.Rules,
        .. NotAReportSignals.Rules,
        .. TranslatedEventSignals.Rules,
        .. Outside.OutsideCatalog.Rules,
    ];

    /// <summary>Per failure mode, the one identifier or read that confirms or refutes it, for an answer that is unsure.</summary>
    public static IReadOnlyDictionary<int, string> Deciders { get; } =
        FailureModeCatalog.Entries.ToDictionary(entry => entry.Mode.Number, entry => entry.Decider);
}
