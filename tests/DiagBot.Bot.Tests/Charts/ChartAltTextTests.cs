using DiagBot.Bot.Charts;

namespace DiagBot.Bot.Tests.Charts;

public sealed class ChartAltTextTests
{
    [Fact]
    public void For_MemoryChart_SaysTheClimbTheLimitAndTheKillInUtc()
    {
        var text = ChartAltText.For(RealisticCharts.Memory());

        Assert.Equal(
            "Chart: orders-api memory hit its 512 MiB limit at 14:02 UTC and the container was killed (exit 137). "
            + "orders-api memory used: 180 MiB at 13:50, 512 MiB at 14:03 UTC, highest 512 MiB at 14:02 UTC. "
            + "Limit: container hard limit 512 MiB (512 MiB). Marked: killed: OutOfMemoryError, exit 137 at 2026-03-14 14:02 UTC.",
            text);
    }
}
