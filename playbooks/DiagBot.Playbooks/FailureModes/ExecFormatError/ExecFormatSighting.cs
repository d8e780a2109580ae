using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Where "exec format error" was seen: a reason DescribeTasks returned, or one of a container's last log lines.</summary>
internal sealed record ExecFormatSighting(string Source, string Container, string Where, string Line)
{
    public static ExecFormatSighting? InTask(EcsTask task)
    {
        if (task.Containers.FirstOrDefault(c => ImageArchitecture.HasExecFormatError(c.Reason)) is { } container)
        {
            return new ExecFormatSighting("ecs:DescribeTasks", container.Name, "reason", container.Reason!);
        }

        // The stopped reason names no container; the essential one that exited is the likeliest.
        var first = task.Containers.FirstOrDefault(c => c.ExitCode is not null and not 0) ?? task.Containers.FirstOrDefault();
        return ImageArchitecture.HasExecFormatError(task.StoppedReason) && first is not null
            ? new ExecFormatSighting("ecs:DescribeTasks", first.Name, "(task stopped reason)", task.StoppedReason!)
            : null;
    }

    /// <summary>The last lines of the containers that exited non-zero (or of every container, when none did).</summary>
    public static async Task<(ExecFormatSighting? Found, IReadOnlyList<EvidenceGap> Gaps)> InLogsAsync(
        ILogsEvidence logs, EcsTask task, EcsTaskDefinition definition, int lines, CancellationToken cancellationToken)
    {
        var failed = task.Containers.Where(c => c.ExitCode is not null and not 0).Select(c => c.Name).ToHashSet();
        var containers = definition.ContainerDefinitions.Where(c => failed.Count == 0 || failed.Contains(c.Name)).ToList();
        var gaps = new List<EvidenceGap>();
        var reads = new List<(string Container, Task<EvidenceResult<IReadOnlyList<LogEvent>>> Read)>();
        foreach (var container in containers)
        {
            if (EcsLogStreams.For(task, container) is { } stream)
            {
                reads.Add((container.Name, logs.GetLastEventsAsync(stream.Group, stream.StreamName, lines, cancellationToken)));
            }
            else
            {
                gaps.Add(new EvidenceGap("logs", "GetLogEvents", GapReason.InvalidRequest,
                    $"container {container.Name} does not log through awslogs with a stream prefix, so its log stream cannot be found"));
            }
        }

        await Task.WhenAll(reads.Select(r => r.Read)).ConfigureAwait(false);
        ExecFormatSighting? found = null;
        foreach (var (container, read) in reads)
        {
            var result = await read.ConfigureAwait(false);
            // A stream that does not exist holds no line at all: the container never wrote one, so nothing is missing.
            if (result.Gap is { Reason: not GapReason.NotFound } gap)
            {
                gaps.Add(gap);
            }

            found ??= result.Value?.LastOrDefault(e => ImageArchitecture.HasExecFormatError(e.Message)) is { } line
                ? new ExecFormatSighting("logs:GetLogEvents", container, "log line", line.Message)
                : null;
        }

        return (found, gaps);
    }
}
