using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The task archive read like any evidence: when the store behind it fails, the answer names the gap instead of failing.</summary>
internal static class ArchiveLookup
{
    public const string Source = "task-archive";
    public const string Operation = "FindTask";

    public static async Task<(ArchivedTaskFacts? Facts, EvidenceGap? Gap)> FindAsync(ITaskArchive archive, EcsTaskRef task, CancellationToken cancellationToken)
    {
        try
        {
            return (await archive.FindAsync(task, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, new EvidenceGap(Source, Operation, GapReason.Unreachable,
                $"ECS no longer knows this task, and DiagBot's archive of its state change events could not be read: {exception.Message}"));
        }
    }
}
