namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// The learned fallback's model: a few softmax regressions over <see cref="WordFeatures"/>, trained on labelled lines
/// (the training corpus) in different seeded orders, their probabilities averaged. Triage asks it only when no rule
/// recognised anything: it says which label's training lines the text's features most resemble, how sure (the
/// probability), and which words weighed most. Pure arithmetic; nothing is downloaded, and the same corpus always trains
/// the same model.
/// </summary>
internal sealed class WordModel
{
    // One regression's answers near the threshold move with the order it saw the lines in (leave-one-batch-out, one
    // member called 0 to 6 look-alikes failures by seed at the same threshold); the average of seven held still.
    private const int Members = 7;
    private const int Seed = 19;
    private const int WordsShown = 3;

    private readonly int?[] _labels;
    private readonly Dictionary<string, int> _features;
    private readonly SoftmaxRegression[] _members;

    private WordModel(int?[] labels, Dictionary<string, int> features, SoftmaxRegression[] members)
    {
        (_labels, _features, _members) = (labels, features, members);
    }

    public int Vocabulary => _features.Count;

    public static WordModel Train(IEnumerable<(string Text, int? Playbook)> lines)
    {
        var rows = lines.Select(line => (Features: WordFeatures.Of(line.Text), line.Playbook)).ToList();
        int?[] labels = [.. rows.Select(row => row.Playbook).Distinct().OrderBy(label => label ?? 0)];
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = rows.Select(row => (Ids: row.Features.Select(f => Index(features, f)).ToArray(), Label: Array.IndexOf(labels, row.Playbook)))
            .ToList();
        // Each member trains on its own, so they train side by side: the first text no rule reads waits for the slowest one.
        var members = Enumerable.Range(Seed, Members).AsParallel().AsOrdered()
            .Select(seed => SoftmaxRegression.Fit(examples, features.Count, labels.Length, seed))
            .ToArray();
        return new WordModel(labels, features, members);
    }

    /// <summary>The likeliest label for the text, or null when none of its features was ever seen in training.</summary>
    public WordGuess? Guess(string? text)
    {
        var seen = WordFeatures.Of(text).Where(_features.ContainsKey).ToList();
        var ids = seen.Select(f => _features[f]).ToArray();
        if (ids.Length == 0 || _labels.Length == 0)
        {
            return null;
        }

        var probabilities = new double[_labels.Length];
        foreach (var member in _members)
        {
            var own = member.Probabilities(ids);
            for (var l = 0; l < own.Length; l++)
            {
                probabilities[l] += own[l] / _members.Length;
            }
        }

        var best = Array.IndexOf(probabilities, probabilities.Max());
        var words = seen.Where(WordFeatures.SaysSomething)
            .Select(f => (Feature: f, Lift: Lift(_features[f], best)))
            .Where(x => x.Lift > 0)
            .OrderByDescending(x => x.Lift)
            .Take(WordsShown)
            .Select(x => x.Feature)
            .ToList();
        return new WordGuess(_labels[best], probabilities[best], words);
    }

    private static int Index(Dictionary<string, int> features, string feature) =>
        features.TryGetValue(feature, out var id) ? id : features[feature] = features.Count;

    // How much more a feature weighs toward the label than toward the labels on average, over the members.
    private double Lift(int feature, int label) =>
        _members.Average(m => m.Weight(feature, label) - Enumerable.Range(0, _labels.Length).Average(l => m.Weight(feature, l)));
}
