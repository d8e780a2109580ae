using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Charts;

/// <summary>
/// One chart per kind, shaped like the data the playbooks read (Container Insights' one-minute memory samples, the
/// load balancer's one-minute counts, a service's stopped tasks), so drawing tests see what users will.
/// </summary>
internal static class RealisticCharts
{
    public static readonly DateTimeOffset Started = new(2026, 3, 14, 13, 50, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Killed = new(2026, 3, 14, 14, 2, 7, TimeSpan.Zero);

    public static IReadOnlyList<Chart> All => [Memory(), Timeline(), TargetHealth(), ResponseTime(), SubnetAddresses()];

    public static Chart Of(string kind) => All.Single(chart => chart.Kind == kind);

    public static Chart Memory() => new(
        "memory-vs-limit",
        "orders-api memory hit its 512 MiB limit at 14:02 UTC and the container was killed (exit 137)",
        "MiB",
        [new ChartSeries("orders-api memory used", Minutes(13, minute => Math.Min(512, 180 + (minute * minute * 2.6))))],
        [new ChartMarker(Killed, "killed: OutOfMemoryError, exit 137")],
        [new ChartThreshold(512, "container hard limit 512 MiB")]);

    public static Chart Timeline() => new(
        "task-timeline",
        "checkout: 9 tasks stopped in 2 hours, each exiting 1 (EssentialContainerExited)",
        "Tasks",
        [
            new ChartSeries("running", Minutes(120, minute => minute % 14 < 2 ? 1 : 2, step: 5)),
            new ChartSeries("desired", Minutes(120, _ => 2, step: 5)),
            new ChartSeries(
                "stopped: EssentialContainerExited, exit 1",
                [.. Enumerable.Range(0, 9).Select(i => new ChartPoint(Started.AddMinutes(3 + (i * 13)), 0.2))]),
        ],
        [new ChartMarker(Started.AddMinutes(60), "deployment ecs-svc/8412 started")],
        []);

    public static Chart TargetHealth() => new(
        "target-health",
        "web-tg has had no healthy targets since the 14:10 UTC deployment; the load balancer answers 503",
        "Count",
        [
            new ChartSeries("HealthyHostCount web-tg", Minutes(40, minute => minute < 20 ? 2 : 0)),
            new ChartSeries("UnHealthyHostCount web-tg", Minutes(40, minute => minute < 20 ? 0 : 2)),
            new ChartSeries("HTTPCode_ELB_503_Count", Minutes(40, minute => minute < 20 ? 0 : 140 + (minute % 5 * 9))),
        ],
        [new ChartMarker(Started.AddMinutes(20), "deployment ecs-svc/3157 started")],
        []);

    public static Chart ResponseTime() => new(
        "response-time-vs-idle-timeout",
        "reports p99 response time reached the load balancer's 60 s idle timeout: requests end in 504",
        "Seconds",
        [
            new ChartSeries("TargetResponseTime p50", Minutes(30, minute => 0.4 + (minute % 3 * 0.1))),
            new ChartSeries("TargetResponseTime p99", Minutes(30, minute => Math.Min(60, 8 + (minute * 2.1)))),
        ],
        [],
        [new ChartThreshold(60, "idle timeout 60 s")]);

    // DescribeSubnets has no history: the size and the free count as read once.
    public static Chart SubnetAddresses() => new(
        "subnet-free-addresses",
        "Subnet subnet-0a1b2c3d has 0 of 11 usable addresses free: task 3f9c1a2b waits in PROVISIONING for a network interface",
        "Addresses",
        [
            new ChartSeries("subnet-0a1b2c3d (10.0.8.0/28) usable addresses", [new ChartPoint(Killed, 11)]),
            new ChartSeries("subnet-0a1b2c3d (10.0.8.0/28) free addresses", [new ChartPoint(Killed, 0)]),
        ],
        [],
        []);

    private static ChartPoint[] Minutes(int count, Func<int, double> value, int step = 1) =>
        [.. Enumerable.Range(0, count / step + 1).Select(i => new ChartPoint(Started.AddMinutes(i * step), value(i * step)))];
}
