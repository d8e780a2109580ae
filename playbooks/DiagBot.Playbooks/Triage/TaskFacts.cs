using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>The first facts of a task: its stop code and reason, then each container's reason and exit code.</summary>
public static class TaskFacts
{
    public static IReadOnlyList<TriageFact> From(EcsTask task)
    {
        var facts = new List<TriageFact>();
        if (!string.IsNullOrWhiteSpace(task.StoppedReason))
        {
            facts.Add(new TriageFact(EvidenceField.StoppedReason, task.StoppedReason, null, "ecs:DescribeTasks stoppedReason"));
        }

        if (!string.IsNullOrWhiteSpace(task.StopCode))
        {
            facts.Add(new TriageFact(EvidenceField.StoppedReason, task.StopCode, null, "ecs:DescribeTasks stopCode"));
        }

        if (task.LastStatus is "PROVISIONING" or "PENDING")
        {
            facts.Add(new TriageFact(EvidenceField.StoppedReason, $"task lastStatus {task.LastStatus}", null, "ecs:DescribeTasks lastStatus"));
        }

        foreach (var container in task.Containers)
        {
            if (!string.IsNullOrWhiteSpace(container.Reason) || container.ExitCode is not null)
            {
                facts.Add(new TriageFact(
                    EvidenceField.ContainerReason,
                    container.Reason ?? string.Empty,
                    container.ExitCode,
                    $"ecs:DescribeTasks containers[{container.Name}]"));
            }
        }

        return facts;
    }
}
