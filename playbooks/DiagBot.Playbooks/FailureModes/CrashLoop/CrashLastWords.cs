using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.FailureModes;

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
        // The tasks are independent, so their reads go out together: one round trip per step, not per task.
        var perTask = await Task.WhenAll(crashed.Select(task => ReadTaskAsync(evidence, task, cancellationToken))).ConfigureAwait(false);
        var found = perTask.SelectMany(reads => reads).ToList();
        var words = found.Where(read => read.Words is not null).Select(read => read.Words!).ToList();
        var gaps = found.Where(read => read.Gap is not null).Select(read => read.Gap!);
        return (words, gaps.DistinctBy(g => (g.Operation, g.Reason, g.Detail)).ToList());
    }

    /// <summary>
    /// Asks, during a service's triage, for the last words of its newest stopped tasks that crashed, so playbook 8
    /// finds them in the session cache instead of waiting a round trip after triage for them.
    /// </summary>
    public static async Task PrefetchAsync(IEvidenceSource evidence, EcsService service, CancellationToken cancellationToken)
    {
        var (stopped, _) = await ServiceScope.TasksAsync(evidence.Ecs, service, "STOPPED", CrashLoopPlaybook.StoppedTasksRead, cancellationToken).ConfigureAwait(false);
        await ReadAsync(evidence, [.. stopped.Where(CrashLoopPlaybook.IsCrash)], cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<(CrashWords? Words, EvidenceGap? Gap)>> ReadTaskAsync(
        IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken)
    {
        var definition = await evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken).ConfigureAwait(false);
        if (definition.Value is not { } taskDefinition)
        {
            return [(null, definition.Gap!)];
        }

        var crashedContainers = task.Containers.Where(c => c.ExitCode is not null and not 0);
        return await Task.WhenAll(crashedContainers.Select(container => ReadContainerAsync(evidence, task, taskDefinition, container.Name, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task<(CrashWords? Words, EvidenceGap? Gap)> ReadContainerAsync(
        IEvidenceSource evidence, EcsTask task, EcsTaskDefinition definition, string container, CancellationToken cancellationToken)
    {
        if (definition.ContainerDefinitions.FirstOrDefault(d => d.Name == container) is not { } containerDefinition
            || EcsLogStreams.For(task, containerDefinition) is not { } located)
        {
            return (null, new EvidenceGap("logs", "GetLogEvents", GapReason.NotFound, $"container {container} of {definition.Family}:{definition.Revision} has no awslogs group and stream prefix, so its output cannot be read"));
        }

        var (group, stream) = located;
        var events = await evidence.Logs.GetLastEventsAsync(group, stream, LinesRead, cancellationToken).ConfigureAwait(false);
        if (events.Value is null)
        {
            return (null, events.Gap!);
        }

        var lines = events.Value.Select(e => e.Message.Trim()).Where(line => line.Length > 0).ToList();
        return (new CrashWords(task, container, group, stream, lines, FatalLine(lines)), null);
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
