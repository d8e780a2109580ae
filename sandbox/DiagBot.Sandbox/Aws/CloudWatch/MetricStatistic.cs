using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>
/// The statistics GetMetricData's MetricStat.Stat accepts that the sandbox computes: the five basic ones and percentiles
/// (p99, p99.9). CloudWatch's other extended statistics (tm, wm, tc, ts, PR, IQM) are refused by name rather than guessed.
/// </summary>
internal static partial class MetricStatistic
{
    public static void Validate(string stat, string queryId)
    {
        if (stat is not ("Average" or "Sum" or "Minimum" or "Maximum" or "SampleCount") && !Percentile().IsMatch(stat))
        {
            throw new AwsException("InvalidParameterValue",
                $"The value {stat} for parameter MetricDataQueries.member.{queryId}.MetricStat.Stat is not supported by the sandbox: use Average, Sum, Minimum, Maximum, SampleCount or pNN.");
        }
    }

    public static double Compute(string stat, IReadOnlyList<double> values) => stat switch
    {
        "Average" => values.Average(),
        "Sum" => values.Sum(),
        "Minimum" => values.Min(),
        "Maximum" => values.Max(),
        "SampleCount" => values.Count,
        _ => NearestRank(values, double.Parse(stat[1..], CultureInfo.InvariantCulture)),
    };

    // The smallest value at or above which the given share of samples lie (nearest rank), e.g. p99 of 100 samples is the 99th.
    private static double NearestRank(IReadOnlyList<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    [GeneratedRegex(@"^p(100(\.0+)?|\d{1,2}(\.\d{1,2})?)$", RegexOptions.None, 1000)]
    private static partial Regex Percentile();
}
