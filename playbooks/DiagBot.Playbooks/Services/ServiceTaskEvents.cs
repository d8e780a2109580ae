using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Services;

/// <summary>A service event that starts or stops tasks: when, how many, and which tasks it names.</summary>
internal sealed record ServiceTaskEvent(DateTimeOffset At, bool Started, int Count, IReadOnlyList<string> TaskIds);

/// <summary>
/// Reads the scheduler's own words about task starts and stops from DescribeServices' events, as ECS writes them:
/// "(service tutorial) has started 1 tasks: (task 58c1a587-...)." (aws/amazon-ecs-cli#902) and "(service
/// civictechjobs-fullstack-stage) has stopped 1 running tasks: (task ca675154...)." (hackforla/CivicTechJobs#436);
/// both are in tests/corpus/triage-corpus.jsonl. A task that exits by itself gets no such event: its stop is read
/// from DescribeTasks.
/// </summary>
internal static partial class ServiceTaskEvents
{
    public static IReadOnlyList<ServiceTaskEvent> Of(EcsService service, DateTimeOffset since, DateTimeOffset until) =>
    [
        .. service.Events
            .Where(e => e.CreatedAt is { } at && at >= since && at <= until)
            .Select(e => Parse(e.CreatedAt!.Value, e.Message))
            .OfType<ServiceTaskEvent>(),
    ];

    public static ServiceTaskEvent? Parse(DateTimeOffset at, string message)
    {
        var match = StartsOrStops().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var ids = TaskIds().Matches(message[match.Index..]).Select(m => m.Groups["id"].Value).ToList();
        var count = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        return new ServiceTaskEvent(at, match.Groups["verb"].Value == "started", count, ids);
    }

    [GeneratedRegex(@"has (?<verb>started|stopped) (?<count>\d{1,4}) (?:running )?tasks?", RegexOptions.CultureInvariant)]
    private static partial Regex StartsOrStops();

    [GeneratedRegex(@"\(?task (?<id>[0-9a-f][0-9a-f-]{7,63})\)?", RegexOptions.CultureInvariant)]
    private static partial Regex TaskIds();
}
