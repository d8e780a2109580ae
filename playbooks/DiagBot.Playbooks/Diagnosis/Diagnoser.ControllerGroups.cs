using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// A target group the AWS Load Balancer Controller owns, as the subject: the pod the reader found among its targets or
/// its Service's pods is diagnosed the way a pod is (its events and the EKS halves of 5, 6 and 13), with the group's
/// own target health in the first facts; when no pod could be read, the playbooks say whose group it is and why.
/// </summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> RunForControllerGroupAsync(TargetGroupSubject subject, DiagnosisContext context, TargetGroup group,
        EvidenceResult<IReadOnlyList<TargetHealthDescription>> health, (ControllerGroup Group, KubePod? Pod) owned, EvidenceGap? tagsGap,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var (facts, healthGaps) = TargetHealthFacts.From(group.TargetGroupArn, health);
        var (found, pod) = owned;
        context = context with { TargetGroup = group, ControllerGroup = found, Facts = facts };
        IReadOnlyList<EvidenceGap> gaps = [.. tagsGap is null ? [] : new[] { tagsGap }, .. healthGaps, .. found.Gaps];
        if (pod is null || found.KubernetesCluster is not { } cluster)
        {
            progress?.Report($"Target group {group.TargetGroupName} is the AWS Load Balancer Controller's; {found.Problem}");
            return await RunAsync(context, WithSymptom(subject, facts), gaps, progress, cancellationToken).ConfigureAwait(false);
        }

        var binding = found.Binding!;
        progress?.Report($"Target group {group.TargetGroupName} is filled by TargetGroupBinding {binding.Namespace}/{binding.Name} "
            + $"from Service {binding.ServiceName}; looking at pod {pod.Name}");
        var first = await PodFactsReader.ReadAsync(context.Evidence.Kubernetes, cluster, pod, cancellationToken, context.Evidence, subject.Symptom)
            .ConfigureAwait(false);
        context = context with { Pod = pod, KubernetesCluster = cluster, PodEvents = first.Events, Facts = [.. facts, .. first.Facts] };
        var report = await RunAsync(context, WithSymptom(subject, context.Facts), [.. gaps, .. first.Gaps], progress, cancellationToken).ConfigureAwait(false);
        await StartedReads.SettleAsync(found.EarlyReads, first.EarlyReads).ConfigureAwait(false);
        return report;
    }
}
