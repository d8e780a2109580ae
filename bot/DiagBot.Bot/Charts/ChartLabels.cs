using DiagBot.Playbooks.Verdicts;
using ScottPlot;

namespace DiagBot.Bot.Charts;

/// <summary>
/// Limits and marked moments are labelled where they are drawn, inside the plot, so the reader need not match a
/// dash pattern to the legend: a limit's label sits on its line at the left, a moment's at the top of its line,
/// turned to the side with more room.
/// </summary>
internal static class ChartLabels
{
    private static readonly Color Backdrop = Colors.White.WithAlpha(.85);

    public static void Threshold(Plot plot, ChartThreshold threshold, ChartFrame frame, float size)
    {
        var line = plot.Add.HorizontalLine(threshold.Value, 2, ChartPalette.Vermillion, LinePattern.Dashed);
        line.LegendText = threshold.Label;
        var label = plot.Add.Text(ChartText.Short(threshold.Label), frame.Left, threshold.Value);
        Style(label, size, ChartPalette.Vermillion, Alignment.LowerLeft);
        label.OffsetX = 6;
        label.OffsetY = -3;
    }

    public static void Marker(Plot plot, ChartMarker marker, ChartFrame frame, float size)
    {
        var x = ChartTime.X(marker.At);
        var line = plot.Add.VerticalLine(x, 1.5f, ChartPalette.Black, LinePattern.Dotted);
        line.LegendText = $"{marker.Label} ({ChartTime.Clock(marker.At)} UTC)";
        var rightHalf = x > (frame.Left + frame.Right) / 2;
        var label = plot.Add.Text(ChartText.Short(marker.Label), x, frame.Top);
        Style(label, size, ChartPalette.Black, rightHalf ? Alignment.UpperRight : Alignment.UpperLeft);
        label.OffsetX = rightHalf ? -4 : 4;
        label.OffsetY = 4;
    }

    private static void Style(ScottPlot.Plottables.Text label, float size, Color color, Alignment alignment)
    {
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelBackgroundColor = Backdrop;
        label.LabelAlignment = alignment;
    }
}
