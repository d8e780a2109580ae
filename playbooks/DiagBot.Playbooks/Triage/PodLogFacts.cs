using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Kubernetes;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// The previous run's last lines of a crash-looping container, read beside the pod's events: the pod's status says only
/// CrashLoopBackOff and an exit code, while the container's own last words ("exec ...: exec format error", a panic) say why.
/// A pod with no crash loop gives its running containers' last lines instead: a running app's errors (AccessDenied from its
/// AWS SDK) are nowhere else. The queries are the playbooks' own, so the session reads each once; a failed read is reported
/// by the playbook that needs it.
/// </summary>
internal static class PodLogFacts
{
    public static async Task<IReadOnlyList<TriageFact>> ReadAsync(
        IKubernetesEvidence kubernetes, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        if (PodTermination.Looping(pod) is not { RestartCount: > 0 } looping)
        {
            var reads = pod.ContainerStatuses.Where(s => s.Running)
                .Select(s => (s.Name, Read: kubernetes.GetPodLogAsync(cluster, PodTermination.CurrentRun(pod, s.Name), cancellationToken))).ToList();
            await Task.WhenAll(reads.Select(r => r.Read)).ConfigureAwait(false);
            return [.. reads.SelectMany(r => Facts(r.Read.Result.Value, $"kubernetes pods/log {r.Name}"))];
        }

        var read = await kubernetes.GetPodLogAsync(cluster, PodTermination.PreviousRun(pod, looping.Name), cancellationToken).ConfigureAwait(false);
        return [.. Facts(read.Value, $"kubernetes pods/log {looping.Name} previous run")];
    }

    private static IEnumerable<TriageFact> Facts(IReadOnlyList<string>? lines, string source) =>
        (lines ?? []).Select(line => line.Trim()).Where(line => line.Length > 0).Distinct()
            .Select(line => new TriageFact(EvidenceField.Log, line, null, source));
}
