using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Which Fargate profile selects a pod, or which comes closest and what differs. EKS's admission webhook gives a pod the
/// fargate-scheduler when its namespace and labels match a selector of an ACTIVE profile; a pod that matches none gets
/// the default scheduler, which only sees EC2 nodes and Fargate's own nodes tainted eks.amazonaws.com/compute-type=fargate
/// (EKS user guide, "Define which Pods use AWS Fargate when launched"). The fix is a selector match, never a toleration.
/// </summary>
internal sealed record FargateProfileMatch(FargateProfile Profile, FargateSelector Selector, bool NamespaceMatches, IReadOnlyList<string> MissingLabels)
{
    public const string FargateScheduler = "fargate-scheduler";
    public const string ComputeTypeTaint = "eks.amazonaws.com/compute-type";

    public bool Selects => NamespaceMatches && MissingLabels.Count == 0 && Profile.Status is null or "ACTIVE";

    /// <summary>The selecting profile if any, else the closest: namespace first, then fewest missing labels.</summary>
    public static FargateProfileMatch? Closest(IReadOnlyList<FargateProfile> profiles, KubePod pod) =>
        profiles
            .SelectMany(p => p.Selectors.Select(s => new FargateProfileMatch(p, s, s.SelectsNamespace(pod.Namespace), s.MissingLabels(pod.Labels))))
            .OrderByDescending(m => m.Selects)
            .ThenByDescending(m => m.NamespaceMatches)
            .ThenBy(m => m.MissingLabels.Count)
            .FirstOrDefault();

    /// <summary>What keeps this selector from the pod, in words: the namespace, and each label the pod lacks or carries with another value.</summary>
    public IReadOnlyList<string> Differences(KubePod pod)
    {
        var differences = new List<string>();
        if (!NamespaceMatches)
        {
            differences.Add($"the selector wants namespace {Selector.Namespace}, the pod is in {pod.Namespace}");
        }

        foreach (var wanted in MissingLabels)
        {
            var key = wanted.Split('=', 2)[0];
            differences.Add(pod.Labels.TryGetValue(key, out var actual)
                ? $"the selector wants label {wanted}, the pod has {key}={actual}"
                : $"the selector wants label {wanted}, the pod has no {key} label");
        }

        if (Profile.Status is { } status && status != "ACTIVE")
        {
            differences.Add($"the profile is {status}, not ACTIVE");
        }

        return differences;
    }

    public string Describe() =>
        $"{Profile.Name} (namespace {Selector.Namespace}{(Selector.Labels.Count == 0 ? string.Empty : ", labels " + string.Join(", ", Selector.Labels.Select(l => $"{l.Key}={l.Value}")))})";

    /// <summary>Whether the scheduler's message or the pod itself says the pod was meant for Fargate.</summary>
    public static bool MeantForFargate(KubePod pod, string? schedulingMessage) =>
        pod.SchedulerName == FargateScheduler
        || (schedulingMessage?.Contains(ComputeTypeTaint, StringComparison.Ordinal) ?? false)
        || pod.NodeSelector.ContainsKey(ComputeTypeTaint);
}
