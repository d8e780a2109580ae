using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>The first facts of a pod: phase and conditions, each container's waiting or last-terminated state, and its events.</summary>
internal static class PodFactsReader
{
    public static async Task<PodFirstFacts> ReadAsync(IKubernetesEvidence kubernetes, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        var events = await kubernetes.ListEventsForAsync(cluster, pod.Namespace, "Pod", pod.Name, cancellationToken).ConfigureAwait(false);
        var eventList = events.Value ?? [];
        var facts = StatusFacts(pod)
            .Concat(eventList.Select(e => new TriageFact(EvidenceField.K8sEvent, $"{e.Type} {e.Reason}: {e.Message}".Trim(), null, $"kubernetes events {e.Reason}")))
            .ToList();
        return new PodFirstFacts(eventList, facts, events.Gap is null ? [] : [events.Gap]);
    }

    private static IEnumerable<TriageFact> StatusFacts(KubePod pod)
    {
        const string Source = "kubernetes pod status";
        yield return new TriageFact(EvidenceField.PodStatus, $"phase {pod.Phase} {pod.Reason} {pod.Message}".Trim(), null, Source);
        foreach (var condition in pod.Conditions.Where(c => c.Status != "True" && c.Reason is not null))
        {
            yield return new TriageFact(EvidenceField.PodStatus, $"{condition.Type} {condition.Status} {condition.Reason}: {condition.Message}", null, $"{Source} conditions");
        }

        foreach (var container in pod.ContainerStatuses)
        {
            if (container.WaitingReason is not null)
            {
                yield return new TriageFact(EvidenceField.PodStatus, $"{container.WaitingReason} {container.WaitingMessage}".Trim(), null, $"{Source} {container.Name} waiting");
            }

            if (container.LastTerminatedReason is not null || container.LastTerminatedExitCode is not null)
            {
                yield return new TriageFact(EvidenceField.ContainerReason, container.LastTerminatedReason ?? string.Empty, container.LastTerminatedExitCode, $"{Source} {container.Name} last terminated");
            }

            if (container.TerminatedReason is not null || container.TerminatedExitCode is not null)
            {
                yield return new TriageFact(EvidenceField.ContainerReason, container.TerminatedReason ?? string.Empty, container.TerminatedExitCode, $"{Source} {container.Name} terminated");
            }
        }
    }
}
