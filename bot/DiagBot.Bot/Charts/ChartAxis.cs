using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Charts;

/// <summary>
/// Which y axis a series reads against. Request counts (the load balancer's HTTPCode_* metrics) run in the hundreds
/// while host counts are single digits and response times seconds, so on one axis the small series would lie flat
/// on zero: request counts get the right-hand axis, as CloudWatch's own dashboards do. Series in the chart's own
/// unit share the left axis even when their sizes differ (p50 and p99 are read against the same idle timeout).
/// </summary>
internal static class ChartAxis
{
    public const string RequestCountUnit = "Requests";

    private const string RequestMetricPrefix = "HTTPCode_";

    public static bool IsRight(Chart chart, ChartSeries series)
    {
        if (chart.Series.Count < 2 || ReferenceEquals(series, chart.Series[0]))
        {
            return false;
        }

        return IsRequestCount(series) && !IsRequestCount(chart.Series[0]);
    }

    public static double Max(ChartSeries series) =>
        series.Points.Select(point => point.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();

    private static bool IsRequestCount(ChartSeries series) => series.Name.StartsWith(RequestMetricPrefix, StringComparison.Ordinal);
}
