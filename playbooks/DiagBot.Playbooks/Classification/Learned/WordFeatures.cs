using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// The features the learned fallback reads: the words of the normalised text (ids, addresses and long numbers already
/// masked by <see cref="TextNormalizer"/>), each pair of neighbouring words, so "not scheduled" weighs apart from "not",
/// and the four-letter runs of the words, so "crashloops", "restarting" and a misspelt "imagepullerrro" still share most
/// of their letters with the words they were written for. Each feature counts once a text.
/// </summary>
internal static partial class WordFeatures
{
    // Letter runs are marked so a reader (and the why) can tell them from words; four letters measured best
    // leave-one-batch-out against three to five (docs/triage.md).
    private const string LettersMark = "#";
    private const int LetterRun = 4;

    public static IReadOnlyList<string> Of(string? text)
    {
        var words = Word().Matches(Timestamp().Replace(TextNormalizer.Normalize(text), " ")).Select(match => match.Value).ToList();
        var pairs = words.Zip(words.Skip(1), (first, second) => $"{first} {second}");
        var spaced = $" {string.Join(' ', words)} ";
        var letters = Enumerable.Range(0, Math.Max(0, spaced.Length - LetterRun + 1)).Select(i => LettersMark + spaced.Substring(i, LetterRun));
        return [.. words.Concat(pairs).Concat(letters).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a feature is a word or a pair of words (what a <c>why</c> may quote), not a run of letters.</summary>
    public static bool IsWords(string feature) => !feature.StartsWith(LettersMark, StringComparison.Ordinal);

    /// <summary>
    /// Whether a word feature says something to the engineer reading the <c>why</c>: "and" or "as" may weigh in the model,
    /// but quoting them explains nothing, so a feature made only of such words is not quoted ("failed to" still is).
    /// </summary>
    public static bool SaysSomething(string feature) => IsWords(feature) && feature.Split(' ').Any(word => !FunctionWords.Contains(word));

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with", "is", "are",
        "was", "were", "be", "been", "it", "its", "it's", "this", "that", "these", "those", "i", "we", "you", "my", "our", "your",
        "me", "us", "so", "then", "there", "here", "if", "when", "while", "which", "what", "who", "have", "has", "had", "do",
        "does", "did", "also", "just", "some", "any", "all", "after", "before", "up", "out", "about", "again", "not", "no",
        "every", "each", "other", "more", "very", "only", "same", "can", "will", "would", "could", "should", "how", "why", "where",
    };

    // A word starts with a letter and may hold dots, dashes and apostrophes inside ("oomkilled", "ecs:runtask" splits,
    // "can't", "10250" as a number); a bare number is a word too.
    [GeneratedRegex(@"[a-z][a-z0-9_.'-]*[a-z0-9]|[a-z]|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    // A log viewer's timestamp (2026-12-07t17:04:11.532z, 2023/07/04 09:40:07) says when, not what: as words its digits would weigh
    // in every guess, and the same line behind a timestamp must read as the line itself (PastedMessageTests).
    [GeneratedRegex(@"\b\d{4}[-/]\d{2}[-/]\d{2}(t| )?(\d{2}:\d{2}(:\d{2})?([.,]\d+)?(z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
