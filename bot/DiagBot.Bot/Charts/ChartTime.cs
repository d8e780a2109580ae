using System.Globalization;

namespace DiagBot.Bot.Charts;

/// <summary>Chart time is UTC, always: the x axis, the labels and the text alternative say the same clock.</summary>
internal static class ChartTime
{
    public static double X(DateTimeOffset at) => at.UtcDateTime.ToOADate();

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Hours and minutes on every tick; the date only at midnight, where it changes.</summary>
    public static string TickLabel(DateTime at) => at.TimeOfDay == TimeSpan.Zero
        ? at.ToString("MMM d", CultureInfo.InvariantCulture)
        : at.ToString("HH:mm", CultureInfo.InvariantCulture);
}
