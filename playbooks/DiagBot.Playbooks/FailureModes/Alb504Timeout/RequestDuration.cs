using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>A request's duration as an app logged it ("completed in 87412 ms", "took 75s", "latency=61ms", "200 22ms").</summary>
internal sealed partial record RequestDuration(TimeSpan Duration, string Line, string Phrase)
{
    /// <summary>Every duration in the lines; a bare "22ms" counts, a bare "5s" only after a word such as "in" or "took".</summary>
    public static IReadOnlyList<RequestDuration> In(IEnumerable<LogEvent> lines) =>
        lines.SelectMany(line => Keyed().Matches(line.Message).Concat(BareMilliseconds().Matches(line.Message))
                .Select(m => new RequestDuration(ToTimeSpan(m), line.Message.Trim(), PhraseOf(m))))
            .DistinctBy(d => (d.Line, d.Duration))
            .ToList();

    private static TimeSpan ToTimeSpan(Match match)
    {
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.StartsWith("ms", StringComparison.OrdinalIgnoreCase) || match.Groups["unit"].Value.StartsWith("milli", StringComparison.OrdinalIgnoreCase)
            ? TimeSpan.FromMilliseconds(value)
            : TimeSpan.FromSeconds(value);
    }

    // The words before the number, quoted into a filter pattern by the confirm command.
    private static string PhraseOf(Match match) => match.Groups["lead"].Success && match.Groups["lead"].Value.Trim().Length > 0
        ? match.Groups["lead"].Value.Trim().TrimEnd('=', ':')
        : match.Value.Trim();

    [GeneratedRegex(@"(?<lead>(?:[A-Za-z]+\s+)?\b(?:in|took|after|duration|elapsed|latency|time|response_time)[=:]?)\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds|s|sec|secs|seconds)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Keyed();

    [GeneratedRegex(@"(?<!\S)(?<value>\d+(?:\.\d+)?)\s?(?<unit>ms)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BareMilliseconds();
}
