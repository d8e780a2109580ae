using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Triage;

/// <summary>The service's recent log lines as first facts: application errors (AccessDenied, slow requests) live only there.</summary>
internal static class ServiceLogFacts
{
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

        var results = await Task.WhenAll(ServiceLogs.GroupsOf(definition.Value, service.ServiceArn)
            .Select(group => ServiceLogs.ReadAsync(evidence, group, now, cancellationToken))).ConfigureAwait(false);

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
