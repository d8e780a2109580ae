using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Triage;

/// <summary>What triage read first about a service, kept so the playbooks need not read it again.</summary>
public sealed record ServiceFirstFacts(IReadOnlyList<EcsTask> StoppedTasks, IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps);
