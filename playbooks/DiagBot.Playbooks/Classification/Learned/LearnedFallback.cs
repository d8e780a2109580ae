using System.Globalization;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// What triage answers when no rule recognised anything in a text: the word model's guess, but only a playbook guessed
/// with a posterior of at least <see cref="MinimumProbability"/>, and always as an unsure answer whose <c>why</c> names
/// the words it rested on. The rules stay the first reader: a text any rule (or any "none" rule) matched never gets here.
/// </summary>
internal sealed class LearnedFallback(WordModel model)
{
    /// <summary>
    /// Naive Bayes posteriors run high, so only the surest guesses are answers. Leave-one-batch-out on batches 10-12
    /// (docs/triage.md): at 0.95 the fallback turned 9 of the rules' "none" into right answers and called no look-alike a
    /// failure; at 0.9, 10 and 1 false alarm; at 0.8, 11 and 3.
    /// </summary>
    public const double MinimumProbability = 0.95;

    /// <summary>
    /// A word model's guess is not a rule's reading: its answers stay under <see cref="SymptomClassifier.UnsureBelow"/>,
    /// so they say which playbook they lean to and what decides. (Leave-one-batch-out, its 13 answers on batches 10-13
    /// were all right: too few to claim more.)
    /// </summary>
    public const double AnswerConfidence = 0.55;

    private static readonly Lazy<LearnedFallback> _default = new(() => new LearnedFallback(TrainingCorpus.Model));

    /// <summary>The fallback trained on the training corpus the assembly carries.</summary>
    public static LearnedFallback Default => _default.Value;

    public WordGuess? Answer(string? text) =>
        model.Guess(text) is { Playbook: not null } guess && guess.Probability >= MinimumProbability ? guess : null;

    public static string Why(WordGuess guess, EvidenceField field)
    {
        var words = string.Join(", ", guess.Words.Select(word => $"\"{word}\""));
        var probability = guess.Probability.ToString("0.00", CultureInfo.InvariantCulture);
        return $"no rule recognised this {EvidenceFieldNames.ToWireName(field)}; the learned fallback (naive Bayes over the training corpus) "
            + $"finds its words {words} most like {WhyText.Name(guess.Playbook)}'s lines (posterior {probability})";
    }
}
