using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Charts;

/// <summary>
/// The plotted area: each y axis starts at zero (a count or memory figure read from zero is not exaggerated) and
/// leaves room above its highest point or limit for labels; the x axis spans every point and marker, with a margin.
/// </summary>
internal sealed record ChartFrame(double Left, double Right, double Bottom, double Top, double RightTop)
{
    private const double Headroom = 1.2;
    private const double TimeMarginFraction = .03;
    private static readonly double MinimumMargin = TimeSpan.FromMinutes(1).TotalDays;

    public static ChartFrame Of(Chart chart)
    {
        var left = chart.Series.Where(series => !ChartAxis.IsRight(chart, series)).ToArray();
        var right = chart.Series.Where(series => ChartAxis.IsRight(chart, series)).ToArray();
        var values = left.SelectMany(series => series.Points).Select(point => point.Value).Where(double.IsFinite).ToArray();
        var highest = values.Concat(chart.Thresholds.Select(threshold => threshold.Value).Where(double.IsFinite)).DefaultIfEmpty(0).Max();
        var lowest = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var (first, last) = Span(chart);
        return new ChartFrame(first, last, lowest, Above(highest), Above(right.Select(ChartAxis.Max).DefaultIfEmpty(0).Max()));
    }

    private static double Above(double highest) => highest > 0 ? highest * Headroom : 1;

    private static (double First, double Last) Span(Chart chart)
    {
        var times = chart.Series.SelectMany(series => series.Points).Select(point => point.At)
            .Concat(chart.Markers.Select(marker => marker.At))
            .Select(ChartTime.X)
            .ToArray();
        if (times.Length == 0)
        {
            var epoch = ChartTime.X(DateTimeOffset.UnixEpoch);
            return (epoch, epoch + MinimumMargin);
        }

        var first = times.Min();
        var last = times.Max();
        var margin = Math.Max((last - first) * TimeMarginFraction, MinimumMargin);
        return (first - margin, last + margin);
    }
}
