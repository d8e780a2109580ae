using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Ecs;

/// <summary>
/// The start-up failure messages of a task (stoppedReason and each container's reason), normalised once so the
/// playbooks of the "task cannot start" family match the stable parts of every agent generation's wording.
/// </summary>
internal sealed record TaskFailureText(string Source, string Raw, string Normalized)
{
    public static IReadOnlyList<TaskFailureText> Of(EcsTask task)
    {
        var texts = new List<TaskFailureText>();
        if (!string.IsNullOrWhiteSpace(task.StoppedReason))
        {
            texts.Add(new("task stopped reason", task.StoppedReason, TextNormalizer.Normalize(task.StoppedReason)));
        }

        foreach (var container in task.Containers.Where(c => !string.IsNullOrWhiteSpace(c.Reason)))
        {
            texts.Add(new($"container {container.Name} reason", container.Reason!, TextNormalizer.Normalize(container.Reason)));
        }

        return texts;
    }

    /// <summary>The first message that contains any of the markers (markers are written in normalised form).</summary>
    public static TaskFailureText? FirstWith(IEnumerable<TaskFailureText> texts, IEnumerable<string> markers) =>
        texts.FirstOrDefault(text => text.ContainsAny(markers));

    public bool ContainsAny(IEnumerable<string> markers) => markers.Any(marker => Normalized.Contains(marker, StringComparison.Ordinal));

    public EvidenceItem ToEvidence() => new("ecs:DescribeTasks", Source, Raw);
}
