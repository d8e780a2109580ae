using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Outside;

/// <summary>One named wording of a cause, over normalised text (lower case, ids masked; see TextNormalizer).</summary>
/// <remarks>
/// Non-backtracking: matching time is linear in the text, so no pattern can stall triage and no timeout can fire on a
/// busy machine.
/// </remarks>
internal sealed record Phrase(string Name, Regex Pattern)
{
    public static Phrase Of(string name, string pattern) =>
        new(name, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));

    /// <summary>
    /// A wording that needs a lookaround ("pull" not followed by "secrets"), which only the backtracking engine reads.
    /// Keep such a pattern short and free of nested repetition: it has no linear-time guarantee.
    /// </summary>
    public static Phrase WithLookaround(string name, string pattern) => new(name, new Regex(pattern, RegexOptions.CultureInvariant));
}
