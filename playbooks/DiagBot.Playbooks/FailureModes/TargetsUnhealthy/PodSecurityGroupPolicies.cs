using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Which SecurityGroupPolicies of its namespace gave a pod its own security groups, decided as the VPC resource controller decides
/// it (amazon-vpc-resource-controller-k8s pkg/utils/helper.go, filterPodSecurityGroups): a policy with groups and at least one
/// selector applies when every selector it has matches, podSelector the pod's labels, serviceAccountSelector its service
/// account's, and the pod gets the union of their groups. The service account's labels are not read, so a policy that selects
/// by them is named as applying only if they match. The controller reads the policies when the pod is created; one changed
/// or deleted since no longer says what the running pod has.
/// </summary>
internal sealed record PodSecurityGroupPolicies(
    string Namespace, int Listed, IReadOnlyList<KubeSecurityGroupPolicy> Selecting, IReadOnlyList<KubeSecurityGroupPolicy> IfServiceAccountMatches)
{
    private const string Source = "kubernetes:securitygrouppolicies";

    public static PodSecurityGroupPolicies Of(IReadOnlyList<KubeSecurityGroupPolicy> policies, KubePod pod)
    {
        var valid = policies.Where(p => p.GroupIds.Count > 0 && (p.PodSelector is not null || p.ServiceAccountSelector is not null))
            .Where(p => p.PodSelector?.Matches(pod.Labels) != false)
            .ToList();
        return new(pod.Namespace, policies.Count, [.. valid.Where(p => p.ServiceAccountSelector is null)],
            [.. valid.Where(p => p.ServiceAccountSelector is not null)]);
    }

    /// <summary>The one policy to name in a confirm command: the only one selecting the pod, else the only one that may.</summary>
    public KubeSecurityGroupPolicy? Single => Selecting.Count + IfServiceAccountMatches.Count == 1 ? Selecting.Concat(IfServiceAccountMatches).Single() : null;

    public IEnumerable<EvidenceItem> Evidence(KubePod pod)
    {
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        if (Selecting.Count + IfServiceAccountMatches.Count == 0)
        {
            yield return new EvidenceItem(Source, $"SecurityGroupPolicies of namespace {Namespace} selecting {subject}", $"(none of {Listed})");
        }

        foreach (var policy in Selecting)
        {
            yield return new EvidenceItem(Source, $"SecurityGroupPolicy {policy.Name} selecting {subject}",
                $"podSelector {policy.PodSelector}; groupIds {string.Join(", ", policy.GroupIds)}");
        }

        foreach (var policy in IfServiceAccountMatches)
        {
            yield return new EvidenceItem(Source, $"SecurityGroupPolicy {policy.Name} selecting {subject} if service account "
                + $"{pod.ServiceAccountName ?? "default"}'s labels match",
                $"serviceAccountSelector {policy.ServiceAccountSelector}; groupIds {string.Join(", ", policy.GroupIds)}");
        }
    }

    /// <summary>Words for where the pod's group <paramref name="groupId"/> came from, for the fix.</summary>
    public string Naming(KubePod pod, string? groupId)
    {
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        var giving = Selecting.Where(p => groupId is null || p.GroupIds.Contains(groupId, StringComparer.Ordinal)).ToList();
        var maybe = IfServiceAccountMatches.Where(p => groupId is null || p.GroupIds.Contains(groupId, StringComparer.Ordinal)).ToList();
        if (giving.Count > 0)
        {
            return $"assigned by SecurityGroupPolicy {string.Join(" and ", giving.Select(p => $"{p.Namespace}/{p.Name}"))}, "
                + $"whose podSelector {string.Join(" and ", giving.Select(p => p.PodSelector!.ToString()))} selects {subject}";
        }

        if (maybe.Count > 0)
        {
            return $"assigned by SecurityGroupPolicy {string.Join(" and ", maybe.Select(p => $"{p.Namespace}/{p.Name}"))} if service account "
                + $"{pod.ServiceAccountName ?? "default"}'s labels match its serviceAccountSelector "
                + string.Join(" and ", maybe.Select(p => p.ServiceAccountSelector!.ToString()));
        }

        return $"though no SecurityGroupPolicy of namespace {Namespace} gives {subject} that group now: the controller applied one when the pod "
            + "was created, since changed or deleted, so recreating the pod would change its groups";
    }

    /// <summary>The fallback words when the policies could not be read: the gap says why.</summary>
    public static string Unread(KubePod pod, EvidenceGap? gap) =>
        $"assigned by the SecurityGroupPolicy that selects pod {pod.Namespace}/{pod.Name}"
        + (gap?.Reason == GapReason.NotFound
            ? $" (the cluster serves no SecurityGroupPolicy resource: {gap.Detail})"
            : gap is null ? string.Empty : $" (the policies were not read: {gap.Detail})");
}
