using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.Services;

/// <summary>
/// A service's recent log lines, asked for one way only: triage ranks on them and playbook 13 measures request
/// durations in them, so the second ask is the session cache's answer to the first, not another round trip.
/// </summary>
internal static class ServiceLogs
{
    /// <summary>Enough lines for the slow requests of a busy hour; FilterLogEvents pages through them.</summary>
    public const int LinesRead = 1000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The container's awslogs group, in the ARN's account and (unless the driver names one) region; null when it does not log there.</summary>
    public static LogGroupRef? GroupOf(EcsContainerDefinition container, string scopeArn)
    {
        if (container.LogConfiguration is not { LogDriver: EcsLogStreams.AwsLogsDriver } log || !log.Options.TryGetValue("awslogs-group", out var name))
        {
            return null;
        }

        var arn = Arn.TryParse(scopeArn, out var parsed) ? parsed : null;
        return new LogGroupRef(name, log.Options.GetValueOrDefault("awslogs-region") ?? arn?.Region, arn?.AccountId);
    }

    public static IReadOnlyList<LogGroupRef> GroupsOf(EcsTaskDefinition definition, string scopeArn) =>
        definition.ContainerDefinitions.Select(c => GroupOf(c, scopeArn)).OfType<LogGroupRef>().Distinct().ToList();

    /// <summary>The group's lines of the hour before <paramref name="now"/>, the diagnosis's one instant.</summary>
    public static Task<EvidenceResult<IReadOnlyList<LogEvent>>> ReadAsync(IEvidenceSource evidence, LogGroupRef group, DateTimeOffset now, CancellationToken cancellationToken) =>
        evidence.Logs.FilterEventsAsync(new LogFilter { Group = group, StartTime = now - Window, EndTime = now, Limit = LinesRead }, cancellationToken);
}
