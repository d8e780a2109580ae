using DiagBot.Playbooks.Verdicts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DiagBot.Bot.Charts;

/// <summary>
/// Draws a verdict's chart as a PNG with ScottPlot: the title says what is wrong, the y axis names the unit, the x
/// axis is UTC, each limit is a labelled dashed line and each marked moment a labelled dotted one, and the legend
/// sits under the plot so it never hides data. Nothing is drawn that the chart's data does not hold.
/// </summary>
internal static class ChartPainter
{
    private const int TitleWrap = 70;
    private const float TitleSize = 15;
    private const float TextSize = 12;

    /// <summary>A chart without one finite point says nothing a picture could show: channels leave it out.</summary>
    public static bool HasData(Chart chart) => chart.Series.Any(series => series.Points.Any(point => double.IsFinite(point.Value)));

    public static byte[] Png(Chart chart, ChartSize size)
    {
        ChartFont.EnsureRegistered();
        using var plot = new Plot { ScaleFactor = size.Scale };
        plot.Font.Set(ChartFont.Family);
        if (ChartBars.Applies(chart))
        {
            Labels(plot, chart);
            ChartBars.Draw(plot, chart, TextSize);
            return Finish(plot, size);
        }

        Axes(plot, chart);
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var scatter = Series(plot, chart.Series[i], ChartPalette.ForSeries(i), ChartStyle.Of(chart, chart.Series[i]));
            if (scatter is not null && ChartAxis.IsRight(chart, chart.Series[i]))
            {
                scatter.Axes.YAxis = plot.Axes.Right;
            }
        }

        var frame = ChartFrame.Of(chart);
        plot.Axes.SetLimits(frame.Left, frame.Right, frame.Bottom, frame.Top);
        if (chart.Series.Any(series => ChartAxis.IsRight(chart, series)))
        {
            plot.Axes.SetLimitsY(0, frame.RightTop, plot.Axes.Right);
            plot.Axes.Right.Label.Text = ChartAxis.RequestCountUnit;
            plot.Axes.Right.Label.FontSize = TextSize;
            plot.Axes.Right.TickLabelStyle.FontSize = TextSize - 1;
        }
        foreach (var threshold in chart.Thresholds.Where(t => double.IsFinite(t.Value)))
        {
            ChartLabels.Threshold(plot, threshold, frame, TextSize - 1);
        }

        foreach (var marker in chart.Markers)
        {
            ChartLabels.Marker(plot, marker, frame, TextSize - 1);
        }

        return Finish(plot, size);
    }

    private static byte[] Finish(Plot plot, ChartSize size)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = TextSize;
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
    }

    private static void Axes(Plot plot, Chart chart)
    {
        var bottom = plot.Axes.DateTimeTicksBottom();
        if (bottom.TickGenerator is DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = ChartTime.TickLabel;
        }

        // After the date axis replaces the bottom axis, or its label goes with the old one.
        Labels(plot, chart);
        plot.XLabel("Time (UTC)", TextSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TextSize - 1;
    }

    private static void Labels(Plot plot, Chart chart)
    {
        plot.Title(ChartText.Wrap(chart.Title, TitleWrap), TitleSize);
        plot.YLabel(chart.Unit, TextSize);
        if (ChartStyle.IsCount(chart.Unit))
        {
            plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        }

        plot.Axes.Left.TickLabelStyle.FontSize = TextSize - 1;
        plot.Grid.MajorLineColor = ChartPalette.Grid;
    }

    private static ScottPlot.Plottables.Scatter? Series(Plot plot, ChartSeries series, Color color, ChartStyle style)
    {
        var points = series.Points.Where(point => double.IsFinite(point.Value)).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        var xs = points.Select(point => ChartTime.X(point.At)).ToArray();
        var ys = points.Select(point => point.Value).ToArray();
        var scatter = plot.Add.Scatter(xs, ys, color);
        scatter.LegendText = series.Name;
        var dots = points.Length == 1 || style.PointsOnly;
        scatter.LineWidth = dots ? 0 : 2.5f;
        scatter.MarkerSize = dots ? 9 : 0;
        scatter.ConnectStyle = style.Steps ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
        return scatter;
    }
}
