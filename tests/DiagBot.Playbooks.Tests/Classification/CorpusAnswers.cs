using System.Collections.Concurrent;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// The shipped classifier, each corpus line read once for all the corpus tests: the floor, the hold-out, the batches,
/// the look-alikes and the calibration table read the same 1,200 lines, and the answer to a line never changes.
/// </summary>
internal sealed class CorpusAnswers : ISymptomClassifier
{
    public static readonly CorpusAnswers Shared = new();

    private readonly SymptomClassifier _classifier = new();
    private readonly ConcurrentDictionary<(string Text, EvidenceField Field, int? ExitCode), TextClassification> _answers = new();

    public TextClassification Classify(string text, EvidenceField field, int? exitCode) =>
        _answers.GetOrAdd((text, field, exitCode), key => _classifier.Classify(key.Text, key.Field, key.ExitCode));

    public IReadOnlyList<TextClassification> Rank(string text, EvidenceField field, int? exitCode) => _classifier.Rank(text, field, exitCode);

    public SettledPlaybooks? Settles(string text, EvidenceField field, int? exitCode) => _classifier.Settles(text, field, exitCode);

    public IReadOnlyList<string> OutsideFailures(string text, EvidenceField field, int? exitCode) => _classifier.OutsideFailures(text, field, exitCode);
}
