using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// The first facts of a pod: phase and conditions, each container's waiting or last-terminated state, its events, and a
/// crash-looping container's last words.
/// </summary>
internal static class PodFactsReader
{
    public static async Task<PodFirstFacts> ReadAsync(
        IKubernetesEvidence kubernetes, string cluster, KubePod pod, CancellationToken cancellationToken,
        IEvidenceSource? evidence = null, string? symptom = null)
    {
        var eventsRead = kubernetes.ListEventsForAsync(cluster, pod.Namespace, "Pod", pod.Name, cancellationToken);
        var logRead = PodLogFacts.ReadAsync(kubernetes, cluster, pod, cancellationToken);

        // Every mode's early reads, once the events read is on its way: the first EC2 read of a process builds its client on
        // this thread, and on a busy host that took long enough for the diagnosis budget to run out before the events were asked for.
        var earlyReads = evidence is null
            ? Task.CompletedTask
            : Task.WhenAll(FailureModeCatalog.EarlyPodReads.Select(early => early(evidence, new PodAtHand(cluster, pod, symptom), cancellationToken)).ToList());

        var events = await eventsRead.ConfigureAwait(false);
        var eventList = events.Value ?? [];
        var facts = StatusFacts(pod)
            .Concat(eventList.Select(e => new TriageFact(EvidenceField.K8sEvent, $"{e.Type} {e.Reason}: {e.Message}".Trim(), null, $"kubernetes events {e.Reason}")))
            .Concat(await logRead.ConfigureAwait(false))
            .ToList();
        return new PodFirstFacts(eventList, facts, events.Gap is null ? [] : [events.Gap]) { EarlyReads = earlyReads };
    }

    private const double DisruptionScore = 0.6;

    private static IEnumerable<TriageFact> StatusFacts(KubePod pod)
    {
        const string Source = "kubernetes pod status";
        yield return new TriageFact(EvidenceField.PodStatus, $"phase {pod.Phase} {pod.Reason} {pod.Message}".Trim(), null, Source);
        // DisruptionTarget True: the pod is going because its node is (an eviction, a taint, a reclaimed node); playbook 11
        // tells a Spot reclaim from a planned disruption.
        if (pod.Conditions.FirstOrDefault(c => c.Type == "DisruptionTarget" && c.Status == "True") is { } disruption)
        {
            yield return TriageFact.Pointing(11, DisruptionScore, $"{Source} conditions", $"pod is a disruption target ({disruption.Reason}: {disruption.Message})");
        }

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
