using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// Cuts a long paste to what the signals can afford to read. A single long line keeps its head. A long paste of many lines
/// (a container's log, kubectl's events) keeps the lines that report trouble first, then the earliest others, up to the
/// budget, in their own order: the failing line of a 3,000-line log is rarely within its first few kilobytes.
/// </summary>
internal static partial class LongPaste
{
    // One line may not take the budget for itself: a minified JSON blob or a base64 dump would.
    private const int LineShare = 4;

    public static string Within(string text, int budget)
    {
        if (text.Length <= budget)
        {
            return text;
        }

        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text[..budget];
        }

        var lines = text.Split('\n');

        var longest = budget / LineShare;
        var cut = lines.Select(line => line.Length > longest ? line[..longest] : line).ToArray();
        var keep = new bool[cut.Length];
        var left = budget;
        foreach (var i in Enumerable.Range(0, cut.Length).OrderBy(i => Trouble().IsMatch(cut[i]) ? 0 : 1))
        {
            if (cut[i].Length + 1 <= left)
            {
                keep[i] = true;
                left -= cut[i].Length + 1;
            }
        }

        return string.Join('\n', cut.Where((_, i) => keep[i]));
    }

    // The words a log line or an event uses to say something went wrong (a level, a verb, a state).
    [GeneratedRegex(@"error|fail|fatal|panic|denied|unauthori[sz]ed|forbidden|exception|killed|oom|warn|unable|cannot|can't|refused|"
        + @"time ?out|timed out|back-?off|unhealthy|evict|exit(ed)? (with )?(code|status)|stopped|not found|insufficient",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trouble();
}
