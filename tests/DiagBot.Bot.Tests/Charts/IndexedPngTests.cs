using DiagBot.Bot.Charts;

namespace DiagBot.Bot.Tests.Charts;

public sealed class IndexedPngTests
{
    [Fact]
    public void FromPng_Chart_IsAPalettePngThatLooksTheSameInFewerBytes()
    {
        var original = ChartPainter.Png(RealisticCharts.TargetHealth(), ChartSize.Card);

        var indexed = IndexedPng.FromPng(original);

        Assert.Equal(3, indexed[25]);
        Assert.True(indexed.Length < original.Length * 0.8, $"{indexed.Length} bytes from {original.Length}");
        using var before = new PngPixels(original);
        using var after = new PngPixels(indexed);
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        foreach (var colour in new[] { "#0072B2", "#E69F00", "#009E73", "#000000", "#FFFFFF" })
        {
            Assert.InRange(after.Count(colour, tolerance: 24), before.Count(colour, tolerance: 24) * 0.9, before.Count(colour, tolerance: 24) * 1.1);
        }
    }

    [Fact]
    public void Crc32_OfIend_IsThePngSpecificationsValue()
    {
        // Every PNG ends with an empty IEND chunk whose CRC is AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Of("IEND"u8));
    }
}
