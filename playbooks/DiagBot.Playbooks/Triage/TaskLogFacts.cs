using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// The last log lines of each container that exited non-zero: ECS often says only "Essential container in
/// task exited", while the container's own last words ("exec format error", a panic) say why.
/// </summary>
internal static class TaskLogFacts
{
    private const int LinesRead = 20;

    public static async Task<(IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps)> ReadAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        var failed = task.Containers.Where(c => c.ExitCode is > 0).ToList();
        if (failed.Count == 0)
        {
            return ([], []);
        }

        var definition = await evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken).ConfigureAwait(false);
        if (definition.Value is null)
        {
            return ([], [definition.Gap!]);
        }

        var streams = failed
            .Select(c => definition.Value.ContainerDefinitions.FirstOrDefault(d => d.Name == c.Name))
            .OfType<EcsContainerDefinition>()
            .Select(d => (Container: d.Name, Stream: EcsLogStreams.For(task, d)))
            .Where(s => s.Stream is not null)
            .ToList();
        var results = await Task.WhenAll(streams.Select(s => evidence.Logs.GetLastEventsAsync(s.Stream!.Value.Group, s.Stream.Value.StreamName, LinesRead, cancellationToken))).ConfigureAwait(false);

        var facts = new List<TriageFact>();
        for (var i = 0; i < streams.Count; i++)
        {
            facts.AddRange((results[i].Value ?? [])
                .Select(e => e.Message.Trim())
                .Where(line => line.Length > 0)
                .Distinct()
                .Select(line => new TriageFact(EvidenceField.Log, line, null, $"logs:GetLogEvents {streams[i].Container}")));
        }

        return (facts, results.Where(r => r.Gap is not null).Select(r => r.Gap!).ToList());
    }
}
