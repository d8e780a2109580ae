using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Charts;

/// <summary>
/// How a series is drawn. Counts (hosts, tasks, addresses) hold their value until the next sample, so they are steps,
/// not slopes; a timeline's task stops are moments, so they are points, not a line.
/// </summary>
internal sealed record ChartStyle(bool Steps, bool PointsOnly)
{
    public const string TaskTimeline = "task-timeline";

    private static readonly string[] CountUnits = ["Count", "Tasks", "Hosts", "Addresses", "IP addresses"];
    private static readonly string[] LevelWords = ["running", "desired", "healthy", "free"];

    public static ChartStyle Of(Chart chart, ChartSeries series)
    {
        var counts = IsCount(chart.Unit);
        var level = LevelWords.Any(word => series.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
        var events = chart.Kind == TaskTimeline && !level;
        return new ChartStyle(counts && !events, events);
    }

    public static bool IsCount(string unit) => CountUnits.Any(count => string.Equals(count, unit, StringComparison.OrdinalIgnoreCase));
}
