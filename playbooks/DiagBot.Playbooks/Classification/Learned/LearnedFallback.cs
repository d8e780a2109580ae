using System.Globalization;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// What triage answers when no rule recognised anything in a text: the word model's guess, but only a playbook guessed
/// with a probability of at least <see cref="MinimumProbability"/> (<see cref="ChatMinimumProbability"/> for a sentence
/// an engineer wrote), and always as an unsure answer whose <c>why</c> names
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
    /// An engineer's sentence is answered from a lower probability: an unread sentence describes a failure far more often
    /// than an unread canonical line does. Leave-one-batch-out over batches 10-21, of the chat sentences the rules first
    /// answered "none", the fallback at 0.5 answered 69 (61 right, 2 look-alikes called a failure, 6 wrong playbooks)
    /// against 47 (43, 2, 2) at 0.6 and 27 at 0.8; chosen on eleven batches and scored on the twelfth with a false alarm
    /// counted four times, 0.5 or lower was picked every time (docs/triage.md, "The fallback answers chat from 0.50").
    /// </summary>
    public const double ChatMinimumProbability = 0.5;

    /// <summary>
    /// A word model's guess is not a rule's reading: its answers stay under <see cref="SymptomClassifier.UnsureBelow"/>,
    /// so they say which playbook they lean to and what decides. (Leave-one-batch-out they are right more often than that;
    /// they stay unsure anyway: a resemblance of words is no reading, and the one read that decides should be checked.)
    /// </summary>
    public const double AnswerConfidence = 0.55;

    /// <summary>
    /// Under <see cref="MinimumProbability"/> a guess is no answer, but from this probability it is a lean worth naming:
    /// the answer stays "none" and says which playbook the words lean to and what decides. Leave-one-batch-out over
    /// batches 10-16, 35 texts no rule read leant from 0.5: 24 to their failure's playbook, 2 to another, 9 were look-alikes.
    /// </summary>
    public const double LeanWorthNaming = 0.5;

    private static readonly Lazy<LearnedFallback> _default = new(() => new LearnedFallback(TrainingCorpus.Model));

    /// <summary>The fallback trained on the training corpus the assembly carries.</summary>
    public static LearnedFallback Default => _default.Value;

    public WordGuess? Answer(string? text, EvidenceField field) => Read(text) is { } guess && Answers(guess, field) ? guess : null;

    /// <summary>The model's guess when it leans to a playbook at all (<see cref="LeanWorthNaming"/>), else null.</summary>
    public WordGuess? Read(string? text) =>
        model.Guess(text) is { Playbook: not null } guess && guess.Probability >= LeanWorthNaming ? guess : null;

    /// <summary>Whether a guess is sure enough to be the answer rather than a lean, for the field its text came in.</summary>
    public static bool Answers(WordGuess guess, EvidenceField field) =>
        guess.Probability >= (field == EvidenceField.SymptomText ? ChatMinimumProbability : MinimumProbability);

    /// <summary>What a lean adds to a "nothing recognised" why: the words, the playbook, and that it is too weak to answer.</summary>
    public static string WhyLean(WordGuess guess) =>
        $"the learned fallback finds {Rested(guess)} closest to {WhyText.Name(guess.Playbook)}'s lines, "
        + $"too weakly to answer (probability {Probability(guess)})";

    public static string Why(WordGuess guess, EvidenceField field) =>
        $"no rule recognised this {EvidenceFieldNames.ToWireName(field)}; the learned fallback (logistic regressions over the training corpus's words) "
        + $"finds {Rested(guess)} most like {WhyText.Name(guess.Playbook)}'s lines (probability {Probability(guess)})";

    // The whole words that weighed most; a guess resting on letter runs alone (a misspelt word) quotes none.
    private static string Rested(WordGuess guess) =>
        guess.Words.Count == 0 ? "the letters of its words" : "its words " + string.Join(", ", guess.Words.Select(word => $"\"{word}\""));

    private static string Probability(WordGuess guess) => guess.Probability.ToString("0.00", CultureInfo.InvariantCulture);
}
