namespace DiagBot.Playbooks.Classification;

public interface ISymptomClassifier
{
    /// <summary>The single best reading: a playbook, or "none" when the text shows no failure mode.</summary>
    TextClassification Classify(string text, EvidenceField field, int? exitCode);

    /// <summary>Every plausible playbook with its score, best first; empty when nothing points anywhere.</summary>
    IReadOnlyList<TextClassification> Rank(string text, EvidenceField field, int? exitCode);

    /// <summary>
    /// When the text is a strong "none" (a job that finished, a stop on purpose), the failure playbooks it answers
    /// for the whole diagnosis; null otherwise.
    /// </summary>
    SettledPlaybooks? Settles(string text, EvidenceField field, int? exitCode);

    /// <summary>
    /// When the reading is "none" because the text names a recognised failure outside the failure modes (a quota, the
    /// deployer's own PassRole denial), those failures' kebab names, strongest first; empty otherwise.
    /// </summary>
    IReadOnlyList<string> OutsideFailures(string text, EvidenceField field, int? exitCode);
}

/// <summary>Failure playbooks a "none" reading answers, how sure it is, and why.</summary>
public sealed record SettledPlaybooks(IReadOnlySet<int> Playbooks, double Confidence, string Why);
