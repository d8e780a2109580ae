using System.Globalization;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// What triage answers when no rule recognised anything in a text: the word model's guess, but only a playbook guessed
/// with a probability of at least <see cref="MinimumProbability"/>, and always as an unsure answer whose <c>why</c> names
/// the words it rested on. The rules stay the first reader: a text any rule (or any "none" rule) matched never gets here.
/// </summary>
internal sealed class LearnedFallback(WordModel model)
{
    /// <summary>
    /// Only the surer guesses are answers. Leave-one-batch-out over batches 10-16 (523 lines, docs/triage.md), where the
    /// rules first answered "none": at 0.8 the fallback answered 35 lines, all right, and called no look-alike a failure
    /// (417 / 523 in all, against 397 for the naive Bayes it replaced); at 0.75, one look-alike more called a failure.
    /// </summary>
    public const double MinimumProbability = 0.8;

    /// <summary>
    /// A word model's guess is not a rule's reading: its answers stay under <see cref="SymptomClassifier.UnsureBelow"/>,
    /// so they say which playbook they lean to and what decides. (Leave-one-batch-out they are right more often than that;
    /// they stay unsure anyway: a resemblance of words is no reading, and the one read that decides should be checked.)
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
        return $"no rule recognised this {EvidenceFieldNames.ToWireName(field)}; the learned fallback (a logistic regression over the training corpus's words) "
            + $"finds its words {words} most like {WhyText.Name(guess.Playbook)}'s lines (probability {probability})";
    }
}
