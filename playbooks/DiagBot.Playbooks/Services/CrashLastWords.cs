using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.Services;

/// <summary>What one crashed container wrote last: its stream, its last lines, and the fatal line among them.</summary>
internal sealed record CrashWords(EcsTask Task, string Container, LogGroupRef Group, string Stream, IReadOnlyList<string> Lines, string? Fatal);

/// <summary>
/// The last log lines of each crashed container (GetLogEvents on the awslogs stream the task definition names).
/// ECS says only "Essential container in task exited"; the app's last fatal line says why.
/// </summary>
internal static partial class CrashLastWords
{
    private const int LinesRead = 20;

    public static async Task<(IReadOnlyList<CrashWords> Words, IReadOnlyList<EvidenceGap> Gaps)> ReadAsync(
        IEvidenceSource evidence, IReadOnlyList<EcsTask> crashed, CancellationToken cancellationToken)
    {
        var gaps = new List<EvidenceGap>();
        var words = new List<CrashWords>();
        foreach (var task in crashed)
        {
            var definition = await evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken).ConfigureAwait(false);
            if (definition.Value is null)
            {
                gaps.Add(definition.Gap!);
                continue;
            }

            foreach (var container in task.Containers.Where(c => c.ExitCode is not null and not 0))
            {
                if (definition.Value.ContainerDefinitions.FirstOrDefault(d => d.Name == container.Name) is not { } containerDefinition
                    || EcsLogStreams.For(task, containerDefinition) is not { } located)
                {
                    gaps.Add(new EvidenceGap("logs", "GetLogEvents", GapReason.NotFound, $"container {container.Name} of {definition.Value.Family}:{definition.Value.Revision} has no awslogs group and stream prefix, so its output cannot be read"));
                    continue;
                }

                var (group, stream) = located;
                var events = await evidence.Logs.GetLastEventsAsync(group, stream, LinesRead, cancellationToken).ConfigureAwait(false);
                if (events.Value is null)
                {
                    gaps.Add(events.Gap!);
                    continue;
                }

                var lines = events.Value.Select(e => e.Message.Trim()).Where(line => line.Length > 0).ToList();
                words.Add(new CrashWords(task, container.Name, group, stream, lines, FatalLine(lines)));
            }
        }

        return (words, gaps.DistinctBy(g => (g.Operation, g.Reason, g.Detail)).ToList());
    }

    /// <summary>
    /// The line that says why: the first of the last run of fatal lines (stack frames skipped), so "FATAL config:
    /// SMTP_HOST is not set" wins over the "panic:" that repeats it; plain errors when nothing is fatal.
    /// </summary>
    public static string? FatalLine(IReadOnlyList<string> lines)
    {
        foreach (var tier in new[] { Fatal(), Error() })
        {
            var last = Enumerable.Range(0, lines.Count).LastOrDefault(i => !IsStackFrame(lines[i]) && tier.IsMatch(lines[i]), -1);
            if (last < 0)
            {
                continue;
            }

            var first = last;
            for (var i = last - 1; i >= 0; i--)
            {
                if (IsStackFrame(lines[i]))
                {
                    continue;
                }

                if (!tier.IsMatch(lines[i]))
                {
                    break;
                }

                first = i;
            }

            return lines[first];
        }

        return null;
    }

    private static bool IsStackFrame(string line) => StackFrame().IsMatch(line);

    [GeneratedRegex(@"\b(FATAL|CRITICAL|SEVERE|EMERG)\b|\bpanic:|fatal error|unhandled exception|uncaught exception", RegexOptions.IgnoreCase)]
    private static partial Regex Fatal();

    [GeneratedRegex(@"\bERROR\b|Exception\b|\w*Error\b:|\berror:", RegexOptions.None)]
    private static partial Regex Error();

    // Java/.NET "at x.y(...)", Python 'File "..."', Go "goroutine 1 [running]:" and "main.f()" frames, indented continuation lines.
    [GeneratedRegex(@"^(\s|at\s|File ""|goroutine \d+|[\w./]+\(.*\)\s*$|\.\.\.\s*\d+ more)")]
    private static partial Regex StackFrame();
}
