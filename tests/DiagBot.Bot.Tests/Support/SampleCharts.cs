using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Support;

/// <summary>A chart built by hand, the shape the out-of-memory playbook gives, so renderer tests pin the rendering.</summary>
internal static class SampleCharts
{
    public static readonly DateTimeOffset Started = new(2026, 3, 14, 13, 50, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Killed = new(2026, 3, 14, 14, 2, 7, 250, TimeSpan.Zero);

    public static Chart MemoryVsLimit() => new(
        "memory-vs-limit",
        "web memory hit its 512 MiB limit at 14:02 UTC",
        "MiB",
        [new ChartSeries("web memory used", [new ChartPoint(Started, 180), new ChartPoint(Started.AddMinutes(1), 512)])],
        [new ChartMarker(Killed, "killed: exit 137")],
        [new ChartThreshold(512, "container hard limit 512 MiB")]);
}
