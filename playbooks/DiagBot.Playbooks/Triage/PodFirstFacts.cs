using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.Triage;

/// <summary>What triage read first about a pod, kept so the playbooks need not read it again.</summary>
public sealed record PodFirstFacts(IReadOnlyList<KubeEvent> Events, IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps)
{
    /// <summary>Every mode's early reads of the pod, started beside its events; the diagnosis waits for them before answering.</summary>
    public Task EarlyReads { get; init; } = Task.CompletedTask;
}
