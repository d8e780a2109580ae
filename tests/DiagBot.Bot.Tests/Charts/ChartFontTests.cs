using DiagBot.Bot.Charts;
using ScottPlot;

namespace DiagBot.Bot.Tests.Charts;

/// <summary>
/// Charts never depend on a system font: the runtime image (aspnet chiseled) has no /usr/share/fonts, where
/// SkiaSharp's NoDependencies build looks, so text drawn in a system font would be blank in the container.
/// </summary>
public sealed class ChartFontTests
{
    [Fact]
    public void EnsureRegistered_DefaultFont_IsTheEmbeddedDejaVuSans()
    {
        // ScottPlot caches the typefaces it hands out: they are not ours to dispose.
        ChartFont.EnsureRegistered();

        var regular = Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false);
        var bold = Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false);

        Assert.Equal(ChartFont.Family, Fonts.Default);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal("DejaVu Sans", bold.FamilyName);
        Assert.True(bold.IsBold);
        Assert.True(regular.GlyphCount > 5000, "the embedded font is not the full DejaVu Sans");
    }
}
