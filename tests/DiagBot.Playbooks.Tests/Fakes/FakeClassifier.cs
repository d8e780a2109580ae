using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>Answers from a table of phrases, so triage tests do not depend on the real rule set.</summary>
internal sealed class FakeClassifier(params (string Phrase, int Playbook, double Confidence)[] rules) : ISymptomClassifier
{
    public TextClassification Classify(string text, EvidenceField field, int? exitCode) =>
        Rank(text, field, exitCode).FirstOrDefault() ?? new TextClassification(null, 0.9, "no rule matched");

    public IReadOnlyList<TextClassification> Rank(string text, EvidenceField field, int? exitCode) =>
        rules.Where(rule => text.Contains(rule.Phrase, StringComparison.OrdinalIgnoreCase))
            .Select(rule => new TextClassification(rule.Playbook, rule.Confidence, $"mentions '{rule.Phrase}'"))
            .OrderByDescending(c => c.Confidence)
            .ToList();

    /// <summary>The table holds failure phrases only: no "none" reading settles a diagnosis.</summary>
    public SettledPlaybooks? Settles(string text, EvidenceField field, int? exitCode) => null;

    /// <summary>Nor does it name a failure outside the modes.</summary>
    public IReadOnlyList<string> OutsideFailures(string text, EvidenceField field, int? exitCode) => [];
}
