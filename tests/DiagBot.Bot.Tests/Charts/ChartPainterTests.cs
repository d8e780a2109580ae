using DiagBot.Bot.Charts;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Charts;

public sealed class ChartPainterTests
{
    private const string OkabeItoBlue = "#0072B2";
    private const string Vermillion = "#D55E00";
    private const string Ink = "#000000";

    public static TheoryData<string> Kinds() => [.. RealisticCharts.All.Select(chart => chart.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Png_EveryKind_IsAPngOfTheFullSizeWithItsFirstSeriesInBlue(string kind)
    {
        using var png = new PngPixels(ChartPainter.Png(RealisticCharts.Of(kind), ChartSize.Full));

        Assert.Equal((ChartSize.Full.Width, ChartSize.Full.Height), (png.Width, png.Height));
        Assert.True(png.Count(OkabeItoBlue) > 200, $"{kind}: the first series is not drawn in Okabe-Ito blue");
    }

    [Fact]
    public void Png_SubnetAddresses_IsABarPerSeriesSoTheUsableSizeStandsBesideTheFreeCount()
    {
        var chart = RealisticCharts.SubnetAddresses();
        using var both = new PngPixels(ChartPainter.Png(chart, ChartSize.Full));
        using var freeOnly = new PngPixels(ChartPainter.Png(chart with { Series = [chart.Series[1]] }, ChartSize.Full));

        // The usable size is the first bar, in blue; with it gone the blue is the free count's zero-high bar.
        Assert.True(both.Count(OkabeItoBlue) > 20_000, "the usable-size bar is not drawn");
        Assert.True(freeOnly.Count(OkabeItoBlue) < 5_000, "a zero free count must not be drawn as a tall bar");
    }

    [Fact]
    public void Png_MemoryLimit_IsADashedVermillionLineWithItsLabel()
    {
        var chart = RealisticCharts.Memory();
        using var withLimit = new PngPixels(ChartPainter.Png(chart, ChartSize.Full));
        using var withoutLimit = new PngPixels(ChartPainter.Png(chart with { Thresholds = [] }, ChartSize.Full));

        Assert.True(withLimit.Count(Vermillion) > 1000, "the 512 MiB limit is not drawn");
        Assert.Equal(0, withoutLimit.Count(Vermillion));
    }

    [Fact]
    public void Png_Title_IsDrawnAsText()
    {
        // The title band is blank when the font failed to load (the chiseled image has no system fonts to fall back on).
        var chart = RealisticCharts.Memory();
        using var titled = new PngPixels(ChartPainter.Png(chart, ChartSize.Full));
        using var dotted = new PngPixels(ChartPainter.Png(chart with { Title = "." }, ChartSize.Full));

        Assert.True(titled.Count(Ink, top: 0, bottom: .08) > 1500, "no title text in the top band");
        Assert.True(dotted.Count(Ink, top: 0, bottom: .08) < 100);
    }

    [Fact]
    public void Png_KillMarker_IsDrawnOnlyWhenTheChartMarksIt()
    {
        var chart = RealisticCharts.Memory();
        using var marked = new PngPixels(ChartPainter.Png(chart, ChartSize.Full));
        using var unmarked = new PngPixels(ChartPainter.Png(chart with { Markers = [] }, ChartSize.Full));

        Assert.True(marked.Count(Ink, top: .12, bottom: .75) > unmarked.Count(Ink, top: .12, bottom: .75) + 300);
    }

    [Fact]
    public void HasData_NoFinitePoint_IsFalseSoNoChannelDrawsAnEmptyChart()
    {
        var samples = new ChartSeries("memory", [new ChartPoint(RealisticCharts.Started, double.NaN)]);
        var empty = new Chart("memory-vs-limit", "no memory samples were read", "MiB", [samples], [], []);

        Assert.False(ChartPainter.HasData(empty));
        Assert.True(ChartPainter.HasData(RealisticCharts.Memory()));
    }

    [Fact]
    public void Png_NonFiniteValues_AreLeftOut()
    {
        var chart = RealisticCharts.Memory();
        var holed = chart with { Series = [new ChartSeries("memory", [.. chart.Series[0].Points, new ChartPoint(RealisticCharts.Killed, double.NaN)])] };

        using var png = new PngPixels(ChartPainter.Png(holed, ChartSize.Full));

        Assert.True(png.Count(OkabeItoBlue) > 200);
    }
}
