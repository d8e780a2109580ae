namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// A multinomial naive Bayes model over <see cref="WordFeatures"/>, trained on labelled lines (the training corpus). It is
/// the fallback triage asks only when no rule recognised anything: it says which label's training lines the text's words
/// most resemble, how sure (the posterior), and which words weighed most. Pure arithmetic on counts; nothing is
/// downloaded, and training a thousand lines takes milliseconds.
/// </summary>
internal sealed class WordModel
{
    // Laplace smoothing. Measured leave-one-batch-out (docs/triage.md): at the fallback's posterior, 1.0 adds right answers
    // with no new false alarm; 0.5 gained a few more on batches 10-12 but called 4 to 6 more look-alikes failures.
    private const double Smoothing = 1.0;
    private const int WordsShown = 3;

    private readonly Dictionary<string, int>[] _counts;
    private readonly int[] _totals;
    private readonly double[] _logPriors;
    private readonly int?[] _labels;
    private readonly HashSet<string> _vocabulary;

    private WordModel(int?[] labels, Dictionary<string, int>[] counts, int[] totals, double[] logPriors, HashSet<string> vocabulary)
    {
        (_labels, _counts, _totals, _logPriors, _vocabulary) = (labels, counts, totals, logPriors, vocabulary);
    }

    public int Vocabulary => _vocabulary.Count;

    public static WordModel Train(IEnumerable<(string Text, int? Playbook)> lines)
    {
        var byLabel = lines.GroupBy(line => line.Playbook).OrderBy(group => group.Key ?? 0).ToList();
        var all = byLabel.Sum(group => group.Count());
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>[byLabel.Count];
        var totals = new int[byLabel.Count];
        for (var i = 0; i < byLabel.Count; i++)
        {
            counts[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var feature in byLabel[i].SelectMany(line => WordFeatures.Of(line.Text)))
            {
                counts[i][feature] = counts[i].GetValueOrDefault(feature) + 1;
                totals[i]++;
                vocabulary.Add(feature);
            }
        }

        var priors = byLabel.Select(group => Math.Log(group.Count() / (double)all)).ToArray();
        return new WordModel([.. byLabel.Select(group => group.Key)], counts, totals, priors, vocabulary);
    }

    /// <summary>The likeliest label for the text, or null when none of its features was ever seen in training.</summary>
    public WordGuess? Guess(string? text)
    {
        var features = WordFeatures.Of(text).Where(_vocabulary.Contains).ToList();
        if (features.Count == 0 || _labels.Length == 0)
        {
            return null;
        }

        var scores = Enumerable.Range(0, _labels.Length).Select(i => _logPriors[i] + features.Sum(f => LogLikelihood(i, f))).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        var sum = scores.Sum(score => Math.Exp(score - scores[best]));
        var words = features
            .Select(f => (Feature: f, Lift: LogLikelihood(best, f) - Enumerable.Range(0, _labels.Length).Average(i => LogLikelihood(i, f))))
            .Where(x => x.Lift > 0)
            .OrderByDescending(x => x.Lift)
            .Take(WordsShown)
            .Select(x => x.Feature)
            .ToList();
        return new WordGuess(_labels[best], 1 / sum, words);
    }

    private double LogLikelihood(int label, string feature) =>
        Math.Log((_counts[label].GetValueOrDefault(feature) + Smoothing) / (_totals[label] + Smoothing * _vocabulary.Count));
}
