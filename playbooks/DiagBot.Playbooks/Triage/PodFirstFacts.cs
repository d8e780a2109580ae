using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.Triage;

/// <summary>What triage read first about a pod, kept so the playbooks need not read it again.</summary>
public sealed record PodFirstFacts(IReadOnlyList<KubeEvent> Events, IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps);
