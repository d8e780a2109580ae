using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 9: EKS pods stay Pending: the scheduler (or the Fargate scheduler) cannot place them.</summary>
internal static partial class EksPodsPendingSignals
{
    private const int Playbook = EksPodsPending.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the pod's FailedScheduling event (kubectl describe pod)";

    private static readonly Phrase[] SchedulerMessage =
    [
        Phrase.Of("nodes are available: (the scheduler's summary)", @"\d+/\d+ nodes are available|nodes are available:|failedscheduling"),
        Phrase.Of("insufficient resources", @"\d+ insufficient (cpu|memory|pods|ephemeral-storage|nvidia)"),
        Phrase.Of("affinity or taints do not match", @"didn'?t match (pod'?s )?node (affinity|selector)|had (untolerated )?taints?|untolerated taint"),
        Phrase.Of("volumes do not bind", @"volume node affinity conflict|unbound immediate persistentvolumeclaims"),
        Phrase.Of("too many pods", @"too many pods"),
        Phrase.Of("no node, no preemption, no scale-up", @"no nodes available to schedule|preemption is not helpful|didn'?t trigger scale-up|"
            + @"max node group size reached"),
    ];

    private static readonly Phrase[] FargateProfile =
    [
        Phrase.Of("no Fargate profile matches", @"fargate profile|fargate-scheduler|not supported on fargate"),
        Phrase.Of("Fargate provisioning timed out", @"pod provisioning timed out|misconfigured fargate"),
        Phrase.Of("Fargate pods pending", @"fargate.{0,40}\bpods?\b.{0,40}pending"),
    ];

    private static readonly Phrase[] SchedulingFailureWords =
    [
        // "couldn't be scheduled": batch 20, umi0410.github.io's post on Karpenter scaling nodes without end
        Phrase.Of("failed to schedule", @"fail\w* (to )?schedul\w*|unschedulable|(can'?t|cannot|could not|couldn'?t) be scheduled"),
        Phrase.Of("volume binding failed", @"prebind plugin|binding volumes|volumebinding"),
        // Batch 17, kubernetes-sigs/karpenter#1162: Karpenter's provisioner logs "Could not schedule pod, incompatible with
        // nodepool "default", ..." when no NodePool (Provisioner before v0.32) can launch a node the pod fits
        Phrase.Of("Karpenter could not schedule the pod", @"could not schedule pod|incompatible with (nodepool|provisioner)"),
        // Batch 18, Karpenter's troubleshooting page (aws/karpenter-provider-aws website/content/en/docs/troubleshooting.md): its log
        // "no instance type met the scheduling requirements or had a required offering"
        Phrase.Of("no instance type fits the pod", @"no instance type (met the scheduling requirements|satisfied resources)"),
        // Batch 21's tuning part: Karpenter's node claim that could not launch (aws/karpenter-provider-aws#6643, "failed launching
        // nodeclaim"; kubernetes/cloud-provider-aws#892, "no instance types satisfy requirements of amis ...")
        Phrase.Of("Karpenter could not launch a node for the pod", @"failed launching nodeclaim|no instance types satisfy requirements"),
    ];

    // Issue 19, batch 10: pods short of CPU or memory are the scheduler's, not ECS placement's (playbook 12 reads "not enough cpu"
    // too); pods named, so weighed above that placement rule.
    private static readonly SignalRule PodsShortOfResources = SignalRule.AnyOf(Playbook, 0.9,
        "the pods cannot be scheduled for want of CPU or memory, in an engineer's words",
        // operate-first/support#832 ("Pods are failing to schedule because of not enough CPU"),
        // jenkins-x/jx#2128 ("insufficient CPU to schedule build pods")
        Phrase.Of("pods short of CPU or memory", @"\bpods?\b.{0,60}\b(not enough|insufficient) (cpu|memory)\b|"
            + @"\b(not enough|insufficient) (cpu|memory)\b.{0,40}\bpods?\b"));

    // Issue 19, batch 12: pods the scheduler leaves alone, told without its message: helm/charts#8982 ("Pod isn't being scheduled
    // because it doesn't tolerate the nodes"), kubecost/kubecost#1180 ("causes no pods to be scheduled at all"). Pods named: an
    // engineer's words for FailedScheduling, so at the weight of the other plain-words rules.
    private static readonly SignalRule NotScheduledInWords = SignalRule.AnyOf(Playbook, 0.8,
        "the pods are not scheduled, or do not tolerate the nodes' taints, in an engineer's words",
        Phrase.Of("not being scheduled", @"\b(isn'?t|aren'?t|wasn'?t|weren'?t|is not|are not) (being |getting )?scheduled\b|"
            + @"\bno pods? (to be |get |got |were |are )?scheduled\b"),
        Phrase.Of("does not tolerate the taint or nodes", @"\b(doesn'?t|does not|don'?t|do not|didn'?t|did not) tolerate "
            + @"(the |its |their |any |this )?(nodes?|taints?)\b"),
        // Chat sweep (chat-b), kubernetes/autoscaler#3645: "they couldn't reschedule because they were considered "normal" workload"
        Phrase.Of("could not be rescheduled", @"\b(couldn'?t|could not|can'?t|cannot|didn'?t|did not|won'?t) (get |be )?re-?schedul\w*"),
        // Batch 20, apache/airflow#51789: "the cluster doesn't have enough space to accommodate the pod"
        Phrase.Of("no room for the pod", @"\b(doesn'?t|does not|don'?t|do not|didn'?t|did not) have (enough )?(space|room|capacity|resources) "
            + @"(left )?(to (accommodate|fit|run|schedule)|for) (the |a |new |more |any )?pods?\b"),
        // Korean, Japanese and Chinese engineers keep the word Pending and name its state (batch 16 "Pod가 Pending 상태에 머무르며";
        // batch 20, b100to.github.io's EKS Spot post, "Pending 상태에 빠졌다"; batch 19 "Pending状態から抜け出せず"; batch 17 "卡在 Pending 狀態")
        Phrase.Of("the Pending state, in Korean, Japanese or Chinese", @"\bpending ?(상태|状態|状态|狀態)"));

    // Chat sweep (chat-b): Pending for a moment while the autoscaler adds a node, the normal scale-up: "Because there are many pods in a
    // Pending state, this status should trigger the autoscaler to create more nodes" (openshift/openshift-docs#74502), "Pods go to pending
    // state and trigger the cluster autoscaler to scale out" (kubernetes/kubernetes#119960), "A pod can be unschedulable for just a few
    // seconds" (kubernetes/autoscaler#923), "if the oldest pending pod is just 1-2 seconds old" (kubernetes/autoscaler#502). A scale-up
    // the pods trigger (no negation or "unless" anywhere: "may be pending indefinitely unless another pod ... triggers the scale up",
    // atlassian/escalator#224, is a failure) or a few seconds' wait is how scheduling works, so playbook 9 is explained away.
    private static readonly SignalRule PendingWhileScalingUp = SignalRule.AnyOf(null, 0.92,
        "pods pending for a moment while the autoscaler adds a node: the normal scale-up",
        Phrase.Of("pending pods trigger the scale-up", @"^(?!.*(n't|\b(not|never|no|unless|indefinitely|forever|didnt|doesnt|dont|wont|cant))\b)"
            + @".*\b(pending|unschedulable)\b.{0,80}"
            + @"\btrigger(s|ed)? (the |a )?(cluster[- ]?autoscaler|autoscaler|karpenter|scale[- ]?up|scale[- ]?out)\b"),
        Phrase.Of("pending for a few seconds", @"\b(pending|unschedulable)\b.{0,30}\b(just |only )?(a few|a couple( of)?|1-2|one or two) seconds\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    // Issue 19, batches 10-13 by family (the EKS troubleshooting page's pending pods, and the cluster autoscaler's FAQ): the
    // autoscaler that will not add a node for the pod ("do not seem to trigger the ASG to scale up", "won't launch another
    // node"), claims that never bind ("pods never become active because of unbound PVCs", the scheduler's own reason in
    // words), and pods that wait for a node. Pods or the autoscaler named: an engineer's words for FailedScheduling.
    private static readonly SignalRule NoNodeForThePod = SignalRule.AnyOf(Playbook, 0.8,
        "no node is added or found for the pods (autoscaler, unbound claims), in an engineer's words",
        Phrase.Of("the autoscaler does not scale up", @"\b(doesn'?t|does not|don'?t|do not|didn'?t|did not|won'?t|will not|never|not) "
            + @"(seem to |even )?(trigger|cause|launch|add|start)\w*\b.{0,40}\b(scale[- ]?ups?|scal\w+ up|(another|new|more|extra) (nodes?|instances?))\b"),
        Phrase.Of("claims that never bind", @"\bunbound\b.{0,20}\b(pvcs?|persistent ?volume ?claims?|volume ?claims?|claims?)\b"),
        Phrase.Of("pods waiting for a node", @"\bpods?\b.{0,40}\b(waiting|wait|waits) (for|on) (a |any |new |an available )?nodes?\b"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        PendingWhileScalingUp,
        NotScheduledInWords,
        NoNodeForThePod,
        // scheduler's own words
        SignalRule.AnyOf(Playbook, 0.95, "the scheduler cannot place the pod (resources, taints, affinity or volumes)", SchedulerMessage),
        PodsShortOfResources,
        // EKS Fargate's words
        SignalRule.AnyOf(Playbook, 0.8, "EKS Fargate cannot place the pod (no matching Fargate profile, or provisioning timed out)", FargateProfile),
        SignalRule.AnyOf(Playbook, 0.8, "the pod cannot be scheduled", SchedulingFailureWords), // scheduler's words
        new(Playbook, 0.8, PodsPendingWords(), "pods are stuck in Pending"), // state, in words
        new(Playbook, 0.75, KubernetesPendingWords(), "Kubernetes workload stuck in Pending"), // state, in words
        new(Playbook, 0.85, PendingPhase(), "the pod phase is Pending") { OnlyIn = Fields.PodStatus }, // phase alone
        new(Playbook, 0.92, OldSchedulerMessage(), "the pre-1.18 scheduler cannot place the pod (No nodes are available that match all of the predicates)"), // the old scheduler's own words
        new(Playbook, 0.8, NeverScheduled(), "the pod never gets scheduled, in an engineer's words"), // the state, said plainly
    ];

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
