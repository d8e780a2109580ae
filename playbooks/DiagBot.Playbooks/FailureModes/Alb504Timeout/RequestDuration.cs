using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// A request's duration as an app logged it: in words with a unit ("completed in 87412 ms", "took 75s", "latency=61ms",
/// "200 22ms"), or as a structured logger's bare number whose unit is the logger's convention ({"responseTime":87412}).
/// </summary>
internal sealed partial record RequestDuration(TimeSpan Duration, string Line, string Phrase)
{
    /// <summary>Every duration in the lines; a bare "22ms" counts, a bare "5s" only after a word such as "in" or "took".</summary>
    public static IReadOnlyList<RequestDuration> In(IEnumerable<LogEvent> lines) =>
        lines.SelectMany(line => Of(line.Message)).DistinctBy(d => (d.Line, d.Duration)).ToList();

    /// <summary>The durations in one line.</summary>
    public static IEnumerable<RequestDuration> Of(string message)
    {
        var line = message.Trim();
        return Keyed().Matches(message).Concat(BareMilliseconds().Matches(message))
            .Select(m => new RequestDuration(ToTimeSpan(m), line, PhraseOf(m)))
            .Concat(StructuredDuration.In(message).Select(d => new RequestDuration(d.Duration, line, d.Field)));
    }

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
