using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 9 for a pod meant for Fargate: read the cluster's Fargate profiles (eks:ListFargateProfiles, then
/// DescribeFargateProfile) and match their selectors against the pod's namespace and labels. No match: name the closest
/// profile and what differs. A match: Fargate is still starting the pod's capacity, which takes about a minute.
/// </summary>
internal static class PendingOnFargate
{
    public const string NoProfileSubCause = "no-matching-fargate-profile";
    public const string ProvisioningSubCause = "fargate-capacity-starting";

    /// <summary>
    /// Triage's early read for a pod with no node yet: the cluster's Fargate profiles. Whether the pod was meant for
    /// Fargate is often known only from the scheduler's event (a pod no profile selected gets the default scheduler), so
    /// waiting for the events would put the profiles a round trip later. A Pending pod costs one list call more.
    /// </summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        atHand.Pod is { Phase: "Pending", NodeName: null } && evidence.Kubernetes.EksClusterOf(atHand.Cluster) is { } eks
            ? evidence.Eks.ListFargateProfilesAsync(eks.ClusterName, eks.Scope, cancellationToken)
            : Task.CompletedTask;

    public static async Task<Verdict?> InvestigateAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, KubeEvent? failed, CancellationToken cancellationToken)
    {
        if (!FargateProfileMatch.MeantForFargate(pod, failed?.Message))
        {
            return null;
        }

        var evidence = new List<EvidenceItem> { new("kubernetes:pods", $"pod {pod.Namespace}/{pod.Name} scheduler and labels", $"{pod.SchedulerName}; {Labels(pod)}") };
        if (failed is not null)
        {
            evidence.Add(new("kubernetes:events", $"FailedScheduling ({failed.Count} times)", failed.Message ?? string.Empty));
        }

        if (context.Evidence.Kubernetes.EksClusterOf(cluster) is not { } eks)
        {
            var gap = new EvidenceGap("eks", "ListFargateProfiles", GapReason.InvalidRequest,
                $"cluster '{cluster}' has no EKS name configured: set DiagBot:Kubernetes:Clusters:n:Eks:ClusterName and Region to read its Fargate profiles");
            return Verdict.For(playbook, VerdictStatus.Likely, $"Pod {pod.Namespace}/{pod.Name} was meant for Fargate but no Fargate node took it; which profile should match it could not be read.")
                with { SubCause = NoProfileSubCause, Evidence = evidence, Missing = [gap], Fix = Fix(pod, null), Confirm = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name) };
        }

        var region = eks.Scope.Region ?? "us-east-1";
        var confirm = EksCli.FargateProfiles(region, eks.ClusterName);
        var profiles = await context.Evidence.Eks.ListFargateProfilesAsync(eks.ClusterName, eks.Scope, cancellationToken).ConfigureAwait(false);
        if (profiles.Value is not { } read)
        {
            return Verdict.For(playbook, VerdictStatus.Likely, $"Pod {pod.Namespace}/{pod.Name} was meant for Fargate but no Fargate node took it; the cluster's Fargate profiles could not be read.")
                with { SubCause = NoProfileSubCause, Evidence = evidence, Missing = [profiles.Gap!], Fix = Fix(pod, null), Confirm = confirm };
        }

        evidence.AddRange(read.Select(p => new EvidenceItem("eks:DescribeFargateProfile", $"Fargate profile {p.Name} ({p.Status})",
            string.Join("; ", p.Selectors.Select(s => $"namespace {s.Namespace}{(s.Labels.Count == 0 ? string.Empty : ", labels " + string.Join(", ", s.Labels.Select(l => $"{l.Key}={l.Value}")))}")))));
        var closest = FargateProfileMatch.Closest(read, pod);
        if (closest is { Selects: true })
        {
            // Matched and not refused by a scheduler: Fargate has the pod and is starting capacity for it.
            var starting = failed is null;
            return Verdict.For(playbook, starting ? VerdictStatus.RuledOut : VerdictStatus.Inconclusive, starting
                ? $"Pod {pod.Namespace}/{pod.Name} matches Fargate profile {closest.Describe()}; Fargate is starting its capacity, which takes about a minute: Pending is its normal state for now."
                : $"Pod {pod.Namespace}/{pod.Name} matches Fargate profile {closest.Describe()}, yet has not started; read its events for what Fargate reports.")
                with { SubCause = ProvisioningSubCause, Evidence = evidence, Confirm = KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name) };
        }

        var differs = closest is null ? "the cluster has no Fargate profile" : $"the closest is {closest.Describe()}: {string.Join("; ", closest.Differences(pod))}";
        return Verdict.For(playbook, VerdictStatus.Confirmed,
            $"No Fargate profile selects pod {pod.Namespace}/{pod.Name} ({pod.Namespace}, {Labels(pod)}), so it got the default scheduler and no node will take it; {differs}.")
            with
            {
                SubCause = NoProfileSubCause,
                Evidence = evidence,
                Fix = Fix(pod, closest),
                Confirm = $"{KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name)} && "
                    + (closest is null ? confirm : EksCli.DescribeFargateProfile(region, eks.ClusterName, closest.Profile.Name)),
            };
    }

    private static IReadOnlyList<string> Fix(KubePod pod, FargateProfileMatch? closest) =>
    [
        closest is { NamespaceMatches: true, MissingLabels.Count: > 0 }
            ? $"Give the pod template of {pod.Name} the label(s) {string.Join(", ", closest.MissingLabels)} that profile {closest.Profile.Name} selects on, then roll it out."
            : $"Create a Fargate profile whose selector matches namespace {pod.Namespace}{(pod.Labels.Count == 0 ? string.Empty : " (and, if you want only some pods, their labels)")}: `aws eks create-fargate-profile` (profiles cannot be edited, only replaced).",
        "Do not add a toleration for eks.amazonaws.com/compute-type: the pod must be selected by a profile to run on Fargate, and on a Fargate-only cluster there is no other node to take it.",
        "Recreate the pod after the fix: the profile match is made when a pod is created, not for pods already Pending.",
    ];

    private static string Labels(KubePod pod) =>
        pod.Labels.Count == 0 ? "no labels" : string.Join(", ", pod.Labels.Where(l => l.Key != "pod-template-hash").Select(l => $"{l.Key}={l.Value}"));
}
