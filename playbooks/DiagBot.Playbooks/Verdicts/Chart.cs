namespace DiagBot.Playbooks.Verdicts;

/// <summary>
/// A picture a verdict carries, built from data DiagBot read (metrics, stopped tasks, subnets), never drawn for
/// decoration. Platform-neutral: JSON lists its points; each channel draws it as a PNG its own way.
/// </summary>
/// <param name="Kind">What is drawn, kebab-case, e.g. "memory-vs-limit", "task-timeline", "target-health",
/// "response-time-vs-idle-timeout", "subnet-free-addresses".</param>
/// <param name="Title">Says what is wrong, e.g. "orders-api memory hit its 512 MiB limit at 14:02 UTC".</param>
/// <param name="Unit">The y axis's unit, e.g. "MiB", "Count", "Seconds", "Percent".</param>
public sealed record Chart(
    string Kind,
    string Title,
    string Unit,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartMarker> Markers,
    IReadOnlyList<ChartThreshold> Thresholds);

/// <summary>One line or set of bars; points are in time order, UTC.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

public sealed record ChartPoint(DateTimeOffset At, double Value);

/// <summary>A moment worth a vertical line: a kill, a deployment, a task stop.</summary>
public sealed record ChartMarker(DateTimeOffset At, string Label);

/// <summary>A limit worth a labelled horizontal line: a memory limit, an idle timeout.</summary>
public sealed record ChartThreshold(double Value, string Label);
