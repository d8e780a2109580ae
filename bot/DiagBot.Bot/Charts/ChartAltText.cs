using System.Globalization;
using System.Text;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Charts;

/// <summary>
/// The words for a chart, for whoever cannot see it (a screen reader, a terminal, a notification preview): the title,
/// then each series from its first to its last value with its peak, each limit and each marked moment, in UTC.
/// </summary>
internal static class ChartAltText
{
    public static string For(Chart chart)
    {
        var text = new StringBuilder("Chart: ").Append(chart.Title.TrimEnd('.')).Append('.');
        foreach (var series in chart.Series)
        {
            var points = series.Points.Where(point => double.IsFinite(point.Value)).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var peak = points.MaxBy(point => point.Value)!;
            text.Append(' ').Append(series.Name).Append(": ")
                .Append(Value(points[0].Value, chart.Unit)).Append(" at ").Append(ChartTime.Clock(points[0].At));
            if (points.Length > 1)
            {
                text.Append(", ").Append(Value(points[^1].Value, chart.Unit)).Append(" at ").Append(ChartTime.Clock(points[^1].At))
                    .Append(" UTC, highest ").Append(Value(peak.Value, chart.Unit)).Append(" at ").Append(ChartTime.Clock(peak.At));
            }

            text.Append(" UTC.");
        }

        foreach (var threshold in chart.Thresholds)
        {
            text.Append(" Limit: ").Append(threshold.Label).Append(" (").Append(Value(threshold.Value, chart.Unit)).Append(").");
        }

        foreach (var marker in chart.Markers)
        {
            text.Append(" Marked: ").Append(marker.Label).Append(" at ").Append(ChartTime.Stamp(marker.At)).Append(" UTC.");
        }

        return text.ToString();
    }

    private static string Value(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value, 2)} {unit}");
}
