using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Services;

/// <summary>
/// A service's task starts and stops over the last hours, drawn only from what its playbook already read: the stopped
/// tasks (DescribeTasks: when each started and stopped, its stop code and exit code) and the service's events
/// (DescribeServices: the scheduler's starts and stops, and the tasks it could not place). Each stop code and exit code
/// is its own colour; a point's value is how many tasks started or stopped at that moment. The running count is the
/// one DescribeServices gives now, and the desired count a labelled line: ECS keeps no history of either.
/// </summary>
internal static class TaskTimeline
{
    public const string Kind = "task-timeline";
    public const string Unit = "Tasks";

    /// <summary>How far back the timeline looks: ECS keeps a stopped task for at least an hour, service events longer.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);

    /// <summary>Null when nothing started, stopped or failed to place in the window: an empty timeline would be decoration.</summary>
    public static Chart? Of(
        string title, EcsService? service, IEnumerable<EcsTask> tasks, DateTimeOffset now, IEnumerable<DateTimeOffset>? placementFailures = null)
    {
        var since = now - Window;
        var read = tasks.DistinctBy(t => t.TaskArn).ToList();
        var series = new List<ChartSeries>();
        var stopped = read.Where(t => In(t.StoppedAt, since, now)).ToList();
        series.AddRange(stopped.GroupBy(StopLabel, StringComparer.Ordinal)
            .OrderBy(group => group.Min(t => t.StoppedAt))
            .Select(group => new ChartSeries(group.Key, Counted(group.Select(t => t.StoppedAt!.Value)))));

        IReadOnlyList<ServiceTaskEvent> events = service is null ? [] : ServiceTaskEvents.Of(service, since, now);
        var known = read.Select(t => t.TaskId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var announced = events.Where(e => e.Started).SelectMany(e => e.TaskIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var starts = events.Where(e => e.Started).Select(e => (e.At, e.Count))
            .Concat(read.Where(t => In(t.StartedAt, since, now) && !announced.Contains(t.TaskId)).Select(t => (At: t.StartedAt!.Value, Count: 1)));
        Add(series, "started", starts);

        // Stops the scheduler announced for tasks DiagBot did not read (a scale-in, a replaced task): no stop code known.
        var otherStops = events.Where(e => !e.Started)
            .Select(e => (e.At, Count: e.TaskIds.Count == 0 ? e.Count : e.TaskIds.Count(id => !known.Contains(id))));
        Add(series, "stopped by the scheduler (service event)", otherStops);
        var unplaced = (placementFailures ?? Enumerable.Empty<DateTimeOffset>()).Where(at => In(at, since, now)).Select(at => (At: at, Count: 1));
        Add(series, "could not place a task (service event)", unplaced);
        if (series.Count == 0)
        {
            return null;
        }

        var thresholds = new List<ChartThreshold>();
        var markers = new List<ChartMarker>();
        if (service is not null)
        {
            series.Add(new ChartSeries("running now", [new ChartPoint(now, service.RunningCount)]));
            thresholds.Add(new ChartThreshold(service.DesiredCount, string.Create(CultureInfo.InvariantCulture, $"desired {service.DesiredCount} tasks")));
            var primary = service.Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
            if (primary is not null && service.Deployments.Count > 1)
            {
                // Mid-deployment the old tasks keep the service's count up; the new deployment's own count is what is stuck.
                series.Add(new ChartSeries($"running now in deployment {primary.Id}", [new ChartPoint(now, primary.RunningCount)]));
            }

            if (primary is { CreatedAt: { } deployed } && In(deployed, since, now))
            {
                markers.Add(new ChartMarker(deployed, $"deployment {primary.Id} started"));
            }
        }

        return new Chart(Kind, title, Unit, series, markers, thresholds);
    }

    /// <summary>"stopped: EssentialContainerExited, exit 1": the stop code and the exit code of the container that ended it.</summary>
    public static string StopLabel(EcsTask task)
    {
        var exit = task.Containers.FirstOrDefault(c => c.ExitCode is not null and not 0)?.ExitCode
            ?? task.Containers.FirstOrDefault(c => c.ExitCode is not null)?.ExitCode;
        var code = exit is { } value ? string.Create(CultureInfo.InvariantCulture, $", exit {value}") : string.Empty;
        return $"stopped: {task.StopCode ?? "no stop code"}{code}";
    }

    private static void Add(List<ChartSeries> series, string name, IEnumerable<(DateTimeOffset At, int Count)> moments)
    {
        var points = moments.Where(m => m.Count > 0).GroupBy(m => m.At).OrderBy(g => g.Key).Select(g => new ChartPoint(g.Key, g.Sum(m => m.Count))).ToList();
        if (points.Count > 0)
        {
            series.Add(new ChartSeries(name, points));
        }
    }

    private static List<ChartPoint> Counted(IEnumerable<DateTimeOffset> moments) =>
        [.. moments.GroupBy(at => at).OrderBy(g => g.Key).Select(g => new ChartPoint(g.Key, g.Count()))];

    private static bool In(DateTimeOffset? at, DateTimeOffset since, DateTimeOffset until) => at is { } value && value >= since && value <= until;
}
