using System.Text.Json;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// The training corpus (tests/corpus/triage-corpus.jsonl, every line a real message with its source and label) as the
/// assembly carries it, and the fallback model trained on it once, on first use. The hold-out file is never read here:
/// it stays a measure of lines no rule and no model was fitted to.
/// </summary>
internal static class TrainingCorpus
{
    /// <summary>The name the build gives the embedded file (DiagBot.Playbooks.csproj).</summary>
    public const string ResourceName = "DiagBot.Playbooks.TriageTrainingCorpus.jsonl";

    private static readonly Lazy<WordModel> _model = new(() => WordModel.Train(Lines()));

    public static WordModel Model => _model.Value;

    /// <summary>Each training line's text and label (null for "none").</summary>
    public static IEnumerable<(string Text, int? Playbook)> Lines()
    {
        using var stream = typeof(TrainingCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(TrainingCorpus).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<(string, int?)>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var expected = root.GetProperty("expected");
            lines.Add((root.GetProperty("text").GetString() ?? string.Empty, expected.ValueKind == JsonValueKind.Number ? expected.GetInt32() : null));
        }

        return lines;
    }
}
