using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks;

/// <summary>One known failure mode: it reads only the evidence it needs and returns a verdict.</summary>
public interface IPlaybook
{
    /// <summary>The stable number of its failure mode (docs/architecture.md's table), from the mode's identity.</summary>
    int Id { get; }

    /// <summary>The stable kebab-case name, e.g. "task-out-of-memory".</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>Never throws for missing evidence: a failed source becomes a gap in the verdict.</summary>
    Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken);
}
