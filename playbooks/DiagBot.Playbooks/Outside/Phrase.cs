using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Outside;

/// <summary>One named wording of a cause, over normalised text (lower case, ids masked; see TextNormalizer).</summary>
/// <remarks>
/// The backtracking engine, as for the signals' generated regexes: the patterns are ours, with bounded repeats
/// (`.{0,30}`), never nested ones. The non-backtracking engine held about 1 MB of large-object heap per phrase that
/// uses `\b` or `\w` (its Unicode word-character tables, measured with 40 phrases: 53 MB against 0.2 MB), which
/// alone kept the bot over its 200 MB working-set budget (issue 22).
/// </remarks>
internal sealed record Phrase(string Name, Regex Pattern)
{
    public static Phrase Of(string name, string pattern) =>
        new(name, new Regex(pattern, RegexOptions.CultureInvariant));
}
