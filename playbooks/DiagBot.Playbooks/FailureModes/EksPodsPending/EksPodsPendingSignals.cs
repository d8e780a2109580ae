using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 9: EKS pods stay Pending: the scheduler (or the Fargate scheduler) cannot place them.</summary>
internal static partial class EksPodsPendingSignals
{
    private const int Playbook = EksPodsPending.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the pod's FailedScheduling event (kubectl describe pod)";

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.95, SchedulerMessage(), "the scheduler cannot place the pod (resources, taints, affinity or volumes)"),
        new(Playbook, 0.8, FargateProfile(), "EKS Fargate cannot place the pod (no matching Fargate profile, or provisioning timed out)"),
        new(Playbook, 0.8, SchedulingFailureWords(), "the pod cannot be scheduled"),
        new(Playbook, 0.8, PodsPendingWords(), "pods are stuck in Pending"),
        new(Playbook, 0.75, KubernetesPendingWords(), "Kubernetes workload stuck in Pending"),
        new(Playbook, 0.85, PendingPhase(), "the pod phase is Pending") { OnlyIn = Fields.PodStatus },
        new(Playbook, 0.92, OldSchedulerMessage(), "the pre-1.18 scheduler cannot place the pod (No nodes are available that match all of the predicates)"), // the old scheduler's own words
        new(Playbook, 0.8, NeverScheduled(), "the pod never gets scheduled, in an engineer's words"), // the state, said plainly
    ];

    [GeneratedRegex(@"\d+/\d+ nodes are available|nodes are available:|failedscheduling|\d+ insufficient (cpu|memory|pods|ephemeral-storage|nvidia)|didn'?t match (pod'?s )?node (affinity|selector)|had (untolerated )?taints?|untolerated taint|volume node affinity conflict|unbound immediate persistentvolumeclaims|too many pods|no nodes available to schedule|preemption is not helpful|didn'?t trigger scale-up|max node group size reached", RegexOptions.CultureInvariant)]
    private static partial Regex SchedulerMessage();

    [GeneratedRegex(@"fargate profile|fargate-scheduler|not supported on fargate|pod provisioning timed out|misconfigured fargate|fargate.{0,40}\bpods?\b.{0,40}pending", RegexOptions.CultureInvariant)]
    private static partial Regex FargateProfile();

    [GeneratedRegex(@"fail\w* (to )?schedul\w*|unschedulable|(can'?t|cannot|could not) be scheduled|prebind plugin|binding volumes|volumebinding", RegexOptions.CultureInvariant)]
    private static partial Regex SchedulingFailureWords();

    [GeneratedRegex(@"\bpods?\b.{0,60}\bpending\b|\bpending\b.{0,40}\bpods?\b", RegexOptions.CultureInvariant)]
    private static partial Regex PodsPendingWords();

    [GeneratedRegex(@"\b(eks|k8s|kubernetes|karpenter|kubectl|deployment|statefulset|daemonset)\b.{0,80}\bpending\b|\bpending\b.{0,80}\b(eks|k8s|kubernetes|karpenter|kubectl)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesPendingWords();

    [GeneratedRegex(@"^pending$", RegexOptions.CultureInvariant)]
    private static partial Regex PendingPhase();

    [GeneratedRegex(@"no nodes are available that match all of the (following )?predicates", RegexOptions.CultureInvariant)]
    private static partial Regex OldSchedulerMessage();

    [GeneratedRegex(@"(not able|unable) to be scheduled|never (get|gets|got) scheduled|(not|never) (being )?scheduled onto", RegexOptions.CultureInvariant)]
    private static partial Regex NeverScheduled();
}
