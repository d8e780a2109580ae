using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The path of a Kubernetes pod: read it in its cluster (the first configured one if none is named), its events, rank, run.</summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnosePodAsync(
        PodSubject pod, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var kubernetes = context.Evidence.Kubernetes;
        if ((pod.Cluster ?? kubernetes.Clusters.FirstOrDefault()) is not { } cluster)
        {
            return new DiagnosisReport
            {
                Subject = pod,
                SubjectProblem = NoKubernetesCluster,
            };
        }

        var podRead = kubernetes.GetPodAsync(cluster, pod.Namespace, pod.Pod, cancellationToken);

        // Reads that need only the namespace start beside the pod's; the session caches them for the playbooks that ask again.
        var atHand = new NamespaceAtHand(cluster, pod.Namespace, pod.Symptom);
        var early = FailureModeCatalog.EarlyNamespaceReads.Select(read => read(context.Evidence, atHand, cancellationToken)).ToList();

        var described = await podRead.ConfigureAwait(false);
        if (described.Value is not { } kubePod)
        {
            // Asked in the same round as the pod: waiting costs nothing, and no read outlives the diagnosis that asked for it
            // (another diagnosis of the namespace could otherwise join it, and its answer, while it is in flight).
            await StartedReads.SettleAsync([.. early]).ConfigureAwait(false);
            return described.Gap!.Reason == GapReason.NotFound
                ? new DiagnosisReport
                {
                    Subject = pod,
                    SubjectProblem = $"{described.Gap.Detail}. List the namespace's pods with `kubectl --context {cluster} get pods -n {pod.Namespace}`.",
                }
                : new DiagnosisReport { Subject = pod, TriageGaps = [described.Gap] };
        }

        var first = await PodFactsReader.ReadAsync(kubernetes, cluster, kubePod, cancellationToken, context.Evidence, pod.Symptom).ConfigureAwait(false);
        context = context with { Pod = kubePod, KubernetesCluster = cluster, PodEvents = first.Events, Facts = first.Facts };
        var report = await RunAsync(context, WithSymptom(pod, first.Facts), first.Gaps, progress, cancellationToken).ConfigureAwait(false);
        await StartedReads.SettleAsync([.. early, first.EarlyReads]).ConfigureAwait(false);
        return report;
    }
}
