using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The whole answer to one request: the verdicts in order, how triage ranked, and what stopped it.</summary>
public sealed record DiagnosisReport
{
    public required DiagnosisSubject Subject { get; init; }
    public IReadOnlyList<Verdict> Verdicts { get; init; } = [];
    public IReadOnlyList<RankedPlaybook> Ranking { get; init; } = [];

    /// <summary>Set when the subject itself was wrong (unknown task): a message saying what to type instead.</summary>
    public string? SubjectProblem { get; init; }

    /// <summary>Evidence that triage itself could not read (the task could not be described, for instance).</summary>
    public IReadOnlyList<EvidenceGap> TriageGaps { get; init; } = [];

    /// <summary>Recognised failures outside the failure modes (a quota, a volume that would not mount): their cause, fix and confirm.</summary>
    public IReadOnlyList<OutsideFailure> Outside { get; init; } = [];

    public bool FoundFailure => Verdicts.Any(verdict => verdict.Status.IsFailureFound());
}
