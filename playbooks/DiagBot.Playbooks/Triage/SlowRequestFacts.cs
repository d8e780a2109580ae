using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Requests that took longer than a load balancer usually waits, found in log lines ("completed in 87412 ms",
/// "took 75s"). Only meaningful for a service behind a load balancer; playbook 13 compares with the real idle timeout.
/// </summary>
internal static partial class SlowRequestFacts
{
    // The ALB idle timeout defaults to 60 s; a request past half of it is worth a look.
    private static readonly TimeSpan Suspicious = TimeSpan.FromSeconds(30);
    private const double Score = 0.5;

    public static IEnumerable<TriageFact> From(IEnumerable<TriageFact> logFacts)
    {
        var slowest = logFacts
            .Select(fact => (Fact: fact, Duration: LongestDurationIn(fact.Text)))
            .Where(entry => entry.Duration >= Suspicious)
            .OrderByDescending(entry => entry.Duration)
            .FirstOrDefault();
        if (slowest.Fact is null)
        {
            yield break;
        }

        yield return TriageFact.Pointing(Alb504Timeout.Number, Score, slowest.Fact.Source, $"a request took {slowest.Duration.TotalSeconds:0} s in the logs, longer than load balancers commonly wait");
    }

    private static TimeSpan LongestDurationIn(string line)
    {
        var longest = TimeSpan.Zero;
        foreach (Match match in Duration().Matches(line))
        {
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            var duration = match.Groups["unit"].Value.StartsWith("ms", StringComparison.OrdinalIgnoreCase)
                ? TimeSpan.FromMilliseconds(value)
                : TimeSpan.FromSeconds(value);
            longest = duration > longest ? duration : longest;
        }

        return longest;
    }

    [GeneratedRegex(@"\b(in|took|after|duration[=:]?|elapsed[=:]?|latency[=:]?|time[=:])\s*(?<value>\d+(\.\d+)?)\s*(?<unit>ms|milliseconds|s|sec|secs|seconds)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();
}
