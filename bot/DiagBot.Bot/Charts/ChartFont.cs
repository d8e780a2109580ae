using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace DiagBot.Bot.Charts;

/// <summary>
/// The one font charts are drawn in, DejaVu Sans, read from the assembly: the chiseled runtime image has no
/// /usr/share/fonts, and SkiaSharp's NoDependencies build finds system fonts only there, so a chart drawn with a
/// system font would have blank text in the container.
/// </summary>
internal static class ChartFont
{
    public const string Family = "DiagBot Chart Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the embedded font with ScottPlot once per process; every plot then names <see cref="Family"/>.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        var regular = Load("DejaVuSans.ttf");
        var bold = Load("DejaVuSans-Bold.ttf");
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(regular, bold));
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private static SKData Load(string file)
    {
        var name = $"DiagBot.Bot.Charts.Fonts.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart font {name} is missing from the assembly.");
        return SKData.Create(stream);
    }

    /// <summary>Answers only for <see cref="Family"/>, so no request falls through to a system font that may not exist.</summary>
    private sealed class EmbeddedFontResolver(SKData regular, SKData bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) =>
            fontName == Family ? SKTypeface.FromData(bold1 ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
