using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>The service's recent log lines as first facts: application errors (AccessDenied, slow requests) live only there.</summary>
internal static class ServiceLogFacts
{
    private const int LinesRead = 50;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static async Task<(IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps)> ReadAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (service.TaskDefinition is null)
        {
            return ([], []);
        }

        var definition = await evidence.Ecs.DescribeTaskDefinitionAsync(service.TaskDefinition, cancellationToken).ConfigureAwait(false);
        if (definition.Value is null)
        {
            return ([], [definition.Gap!]);
        }

        var groups = definition.Value.ContainerDefinitions
            .Select(c => c.LogConfiguration)
            .Where(log => log is { LogDriver: EcsLogStreams.AwsLogsDriver } && log.Options.ContainsKey("awslogs-group"))
            .Select(log => new LogGroupRef(log!.Options["awslogs-group"], log.Options.GetValueOrDefault("awslogs-region")))
            .Distinct()
            .ToList();
        var results = await Task.WhenAll(groups.Select(group => evidence.Logs.FilterEventsAsync(
            new LogFilter { Group = group, StartTime = now - Window, EndTime = now, Limit = LinesRead }, cancellationToken))).ConfigureAwait(false);

        var facts = results.Where(r => r.Value is not null)
            .SelectMany(r => r.Value!)
            .Select(e => e.Message.Trim())
            .Where(line => line.Length > 0)
            .Distinct()
            .Select(line => new TriageFact(EvidenceField.Log, line, null, "logs:FilterLogEvents"))
            .ToList();
        return (facts, results.Where(r => r.Gap is not null).Select(r => r.Gap!).ToList());
    }
}
