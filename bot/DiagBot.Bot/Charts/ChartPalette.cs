using ScottPlot;

namespace DiagBot.Bot.Charts;

/// <summary>
/// Okabe and Ito's colour-blind-safe palette (Color Universal Design, 2008): series take the colours in this order,
/// limits are vermillion and marked moments black, so no two things differ by red and green alone.
/// </summary>
internal static class ChartPalette
{
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Grid = Color.FromHex("#E5E5E5");

    private static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#F0E442"), // yellow, last: weakest on white
    ];

    public static Color ForSeries(int index) => Series[index % Series.Length];
}
