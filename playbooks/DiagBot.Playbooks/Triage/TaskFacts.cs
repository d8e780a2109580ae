using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>The first facts of a task: its stop code and reason, then each container's reason and exit code.</summary>
public static class TaskFacts
{
    public static IReadOnlyList<TriageFact> From(EcsTask task)
    {
        var facts = new List<TriageFact>();
        var essentialExit = EssentialExitCode(task);
        if (!string.IsNullOrWhiteSpace(task.StoppedReason))
        {
            facts.Add(new TriageFact(EvidenceField.StoppedReason, task.StoppedReason, essentialExit, "ecs:DescribeTasks stoppedReason"));
        }

        if (!string.IsNullOrWhiteSpace(task.StopCode))
        {
            facts.Add(new TriageFact(EvidenceField.StoppedReason, task.StopCode, essentialExit, "ecs:DescribeTasks stopCode"));
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

        facts.AddRange(CapacityAndAgentFacts(task));
        return facts;
    }

    // "Essential container in task exited" does not say how: read it with the exit code of the container that ended the
    // task. One distinct non-zero code is the crash; all zero is a finished job; several different codes stay unknown.
    private static int? EssentialExitCode(EcsTask task)
    {
        if (task.StopCode != "EssentialContainerExited" && !(task.StoppedReason?.Contains("Essential container in task exited", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        var codes = task.Containers.Select(c => c.ExitCode).OfType<int>().Distinct().ToList();
        var nonZero = codes.Where(code => code != 0).ToList();
        return nonZero.Count switch
        {
            1 => nonZero[0],
            0 when codes.Count > 0 => 0,
            _ => null,
        };
    }

    // Spot interruptions are often reported without the stop code, and a stalled exec agent shows in no reason at all.
    private static IEnumerable<TriageFact> CapacityAndAgentFacts(EcsTask task)
    {
        if (task.LastStatus == "STOPPED" && SpotCapacity.IsSpot(task.CapacityProviderName))
        {
            yield return new TriageFact(EvidenceField.StoppedReason, $"task ran on Spot capacity (capacity provider {task.CapacityProviderName})", null, "ecs:DescribeTasks capacityProviderName");
        }

        if (task.LastStatus != "RUNNING" || !task.EnableExecuteCommand)
        {
            yield break;
        }

        foreach (var container in task.Containers)
        {
            if (EcsExecFindings.AgentOf(container) is { LastStatus: not "RUNNING" } agent)
            {
                yield return new TriageFact(EvidenceField.ContainerReason, $"ExecuteCommandAgent lastStatus {agent.LastStatus ?? "(none)"} {agent.Reason}".TrimEnd(), null,
                    $"ecs:DescribeTasks containers[{container.Name}].managedAgents");
            }
        }
    }
}
