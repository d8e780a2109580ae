using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>One first fact triage ranks on, e.g. a container's reason with its exit code.</summary>
/// <param name="Source">Where it was read, e.g. "ecs:DescribeTasks containers[app].reason".</param>
public sealed record TriageFact(EvidenceField Field, string Text, int? ExitCode, string Source);
