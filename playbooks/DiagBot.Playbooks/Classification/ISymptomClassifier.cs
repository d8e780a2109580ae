namespace DiagBot.Playbooks.Classification;

public interface ISymptomClassifier
{
    /// <summary>The single best reading: a playbook, or "none" when the text shows no failure mode.</summary>
    TextClassification Classify(string text, EvidenceField field, int? exitCode);

    /// <summary>Every plausible playbook with its score, best first; empty when nothing points anywhere.</summary>
    IReadOnlyList<TextClassification> Rank(string text, EvidenceField field, int? exitCode);
}
