using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// The features the learned fallback reads: the words of the normalised text (ids, addresses and long numbers already
/// masked by <see cref="TextNormalizer"/>) and each pair of neighbouring words, so "not scheduled" weighs apart from "not".
/// Each feature counts once a text: a word said three times is no more evidence than once.
/// </summary>
internal static partial class WordFeatures
{
    public static IReadOnlyList<string> Of(string? text)
    {
        var words = Word().Matches(TextNormalizer.Normalize(text)).Select(match => match.Value).ToList();
        var pairs = words.Zip(words.Skip(1), (first, second) => $"{first} {second}");
        return [.. words.Concat(pairs).Distinct(StringComparer.Ordinal)];
    }

    // A word starts with a letter and may hold dots, dashes and apostrophes inside ("oomkilled", "ecs:runtask" splits,
    // "can't", "10250" as a number); a bare number is a word too.
    [GeneratedRegex(@"[a-z][a-z0-9_.'-]*[a-z0-9]|[a-z]|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
