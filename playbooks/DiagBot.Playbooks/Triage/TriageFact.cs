using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>One first fact triage ranks on, e.g. a container's reason with its exit code.</summary>
/// <param name="Source">Where it was read, e.g. "ecs:DescribeTasks containers[app].reason".</param>
public sealed record TriageFact(EvidenceField Field, string Text, int? ExitCode, string Source)
{
    /// <summary>Set on a structured fact that points at a playbook by itself, with no words to classify.</summary>
    public PlaybookHint? Hint { get; init; }

    /// <summary>A fact such as "the target group has no registered targets": it names its playbook directly.</summary>
    public static TriageFact Pointing(int playbook, double score, string source, string why) =>
        new(EvidenceField.SymptomText, string.Empty, null, source) { Hint = new PlaybookHint(playbook, score, why) };
}

public sealed record PlaybookHint(int Playbook, double Score, string Why);
