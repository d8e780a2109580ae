using System.Globalization;
using DiagBot.Playbooks.Verdicts;
using ScottPlot;

namespace DiagBot.Bot.Charts;

/// <summary>
/// A chart of values read once, with no history to draw over time (a subnet's size and free addresses: DescribeSubnets
/// answers the count now): one bar per series at its last value, the value written on the bar so a zero still reads
/// as zero, and the x axis saying when the values were read, in UTC.
/// </summary>
internal static class ChartBars
{
    public const string SubnetFreeAddresses = "subnet-free-addresses";

    private const double BarWidth = .6;

    public static bool Applies(Chart chart) => chart.Kind == SubnetFreeAddresses;

    public static void Draw(Plot plot, Chart chart, float textSize)
    {
        var bars = chart.Series
            .Select(series => (series.Name, Point: series.Points.LastOrDefault(point => double.IsFinite(point.Value))))
            .Where(bar => bar.Point is not null)
            .ToList();
        for (var i = 0; i < bars.Count; i++)
        {
            var value = bars[i].Point!.Value;
            Bar[] bar =
            [
                new Bar
                {
                    Position = i,
                    Value = value,
                    Size = BarWidth,
                    FillColor = ChartPalette.ForSeries(i),
                    Label = value.ToString("0.##", CultureInfo.InvariantCulture),
                },
            ];
            var plotted = plot.Add.Bars(bar);
            plotted.LegendText = bars[i].Name;
            plotted.ValueLabelStyle.FontSize = textSize;
            plotted.ValueLabelStyle.Bold = true;
        }

        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. bars.Select(bar => ChartText.Short(bar.Name))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = textSize - 1;
        var readAt = bars.Select(bar => bar.Point!.At).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        plot.XLabel($"Read at {ChartTime.Stamp(readAt)} UTC", textSize);
        var top = bars.Select(bar => bar.Point!.Value).Concat(chart.Thresholds.Select(t => t.Value)).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(-.75, bars.Count - .25, 0, top > 0 ? top * 1.2 : 1);
    }
}
