using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Kubernetes;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// The previous run's last lines of a crash-looping container, read beside the pod's events: the pod's status says only
/// CrashLoopBackOff and an exit code, while the container's own last words ("exec ...: exec format error", a panic) say why.
/// The query is the one playbook 8 asks, so the session reads it once; a failed read is reported by the playbook that needs it.
/// </summary>
internal static class PodLogFacts
{
    public static async Task<IReadOnlyList<TriageFact>> ReadAsync(
        IKubernetesEvidence kubernetes, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        if (PodTermination.Looping(pod) is not { RestartCount: > 0 } looping)
        {
            return [];
        }

        var read = await kubernetes.GetPodLogAsync(cluster, PodTermination.PreviousRun(pod, looping.Name), cancellationToken).ConfigureAwait(false);
        return [.. (read.Value ?? [])
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Distinct()
            .Select(line => new TriageFact(EvidenceField.Log, line, null, $"kubernetes pods/log {looping.Name} previous run"))];
    }
}
