using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 11: Spot capacity reclaimed. Often reported without the stop code, so the stoppedReason wording,
/// capacity provider names and node-termination words count as well.
/// </summary>
internal static partial class SpotInterruptionSignals
{
    private const int Playbook = SpotInterruption.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the task's stopCode (aws ecs describe-tasks --query 'tasks[0].stopCode'), or the node's spot interruption event";

    // Chat sweep (chat-b): Spot told as what may happen, or asked for, with no instance lost: "Spot tasks can be interrupted at any time with a
    // two minute warning" (dask/dask-cloudprovider#47), "AWS spot instances are liable to being shut down when the spot price changes"
    // (pusher/k8s-spot-termination-handler#4), "when a Fargate Spot instance is about to be terminated" (aws/containers-roadmap#1385);
    // "Looking for a way for Kubernetes to receive the Termination notice for a spot instance" (kubernetes/kubernetes#55896), "We should
    // allow some workers to be spot instances" (nforgeio/neonKUBE#1886), "But what about spot instances ?" (aws-node-termination-handler#186);
    // Karpenter's consolidation replacing Spot nodes on purpose (aws/karpenter-provider-aws#4359); "Amazon EC2 can interrupt your Spot Instance at
    // any time with a two-minute notice" (Knowledge Center, ec2-spot-instance-unexpected-termination). Spot named first: a reclaim that may
    // come, or a feature wished for, is not one that came, so playbook 11 is explained away.
    private static readonly SignalRule SpotInGeneral = SignalRule.AnyOf(null, 0.95,
        "Spot interruption told as what may happen, or asked about: no instance was reclaimed",
        Phrase.Of("what Spot capacity may do", @"\bspot\b.{0,80}\b(can|could|may|might|liable to|subject to|about to)( be| being)? "
            + @"(interrupted|reclaimed|terminated|shut down|stopped|taken away)\b|\b(can|could|may|might) (interrupt|reclaim|terminate)\w* (your |the "
            + @"|a )?spot\b"),
        // the EC2 and ECS guides' defaults ("Spot Instance draining is turned off by default", spot-instance-draining-linux-container)
        Phrase.Of("a Spot setting's default", @"\bspot\b.{0,40}\b(turned (on|off)|enabled|disabled|on|off) by default\b"),
        Phrase.Of("a wish or a question about Spot", @"\b(looking for a way|is there a way|would be nice|feature request|should (we )?allow|what about|"
            + @"improve)\b.{0,60}\b(spot|termination notice|interruption)"),
        Phrase.Of("Karpenter's consolidation beside Spot", @"\bspot\b.{0,60}\bconsolidation\b|\bconsolidation\b.{0,60}\bspot\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        SpotInGeneral,
        new(Playbook, 0.93, SpotInterrupted(), "the Spot capacity was reclaimed (Spot interruption / termination notice)"), // EC2's own words
        new(Playbook, 0.85, SpotRequestTerminated(), "the Spot request's status says EC2 reclaimed the instance (price or capacity)"), // EC2's own codes
        new(Playbook, 0.85, TerminationNotice(), "a termination notice was received (Fargate Spot / EC2 Spot)"), // notice named
        // The sweep (issue 19), the EC2 guide's spot-instance-termination-notices: the instance metadata's spot/instance-action,
        // {"action": "terminate", "time": "..."}, is the two-minute warning itself. EC2's own payload.
        new(Playbook, 0.85, InstanceAction(), "the instance metadata's Spot instance-action: the two-minute interruption warning"),
        new(Playbook, 0.6, InterruptionController(), "the node-interruption handler (Karpenter or NTH) acted on an interruption message"), // controller's log
        // host gone: maybe Spot
        new(Playbook, 0.4, HostGone(), "the host instance was stopped or terminated under the task (a Spot reclaim when the capacity is Spot)"),
        new(Playbook, 0.5, SpotCapacity(), "the task or node runs on Spot capacity"), // capacity named only
        new(Playbook, 0.8, InterruptedInWords(), "the spot nodes or instances were interrupted, in an engineer's words"), // interruption said plainly, misspelled too
        // a denied notice: batch 11, kubernetes-sigs/karpenter#3185 "Neither instance received a spot interruption notice"
        new(null, 0.9, NoInterruptionNotice(), "no Spot interruption notice came: the node went for another reason")
        {
            ExplainsAway = new HashSet<int> { Playbook },
        },
        // Batch 13 (aws/aws-node-termination-handler): the EC2 page on rebalance recommendations says the signal can come before
        // any interruption notice, and often with none; the node is cordoned on purpose, nothing was reclaimed
        new(null, 0.9, RebalanceRecommendation(), "a rebalance recommendation: the instance is at risk of interruption, not interrupted")
        {
            ExplainsAway = new HashSet<int> { Playbook },
        },
    ];

    // Batch 20, aws/karpenter-provider-aws#4689: "how Karpenter would react to a Spot termination" (the reclaim, named as a noun)
    [GeneratedRegex(@"spot ?interrupt\w*|spot (task|instance|node)s? (was |were |is )?(interrupted|reclaimed|terminated)|spot.{0,30}(interrupt|termination notice|reclaim)"
        + @"|instance interruption warning|\bspot terminations?\b(?! handler)", RegexOptions.CultureInvariant)]
    private static partial Regex SpotInterrupted();

    // Batch 18, the EC2 guide's Spot request status codes (awsdocs/amazon-ec2-user-guide spot-request-status.md): a request
    // "marked-for-termination" (or -stop) is the two-minute notice, in the request's own status. The sweep (issue 19): the instance's own
    // state reason codes Server.SpotInstanceTermination and Server.SpotInstanceShutdown (EC2 API reference, StateReason)
    [GeneratedRegex(@"instance-terminated-(by-price|no-capacity|capacity-oversubscribed|launch-group-constraint)|bidevicted|capacity-oversubscribed|"
        + @"marked-for-(termination|stop)|server\.spotinstance(termination|shutdown)", RegexOptions.CultureInvariant)]
    private static partial Regex SpotRequestTerminated();

    [GeneratedRegex(@"""action""\s?:\s?""(terminate|stop|hibernate)""\s?,\s?""time""", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceAction();

    [GeneratedRegex(@"terminationnotice|termination notice|interruption notice", RegexOptions.CultureInvariant)]
    private static partial Regex TerminationNotice();

    [GeneratedRegex(@"controller\.interruption|interruption (message|event|queue)|interruptionkind", RegexOptions.CultureInvariant)]
    private static partial Regex InterruptionController();

    [GeneratedRegex(@"host ec2 .{0,60}(stopped|terminated)|instance .{0,40}(marked|scheduled) for termination", RegexOptions.CultureInvariant)]
    private static partial Regex HostGone();

    [GeneratedRegex(@"fargate_spot|fargate spot|\bspot (instance|capacity|node|task)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpotCapacity();

    [GeneratedRegex(@"\b(no|neither|nor|never|without)\b.{0,30}\bspot (interruption|termination) (notice|warning)"
        + @"|\b(did not|didn'?t|never) (receive|get|see)\w*\b.{0,20}\b(interruption|termination) notice", RegexOptions.CultureInvariant)]
    private static partial Regex NoInterruptionNotice();

    [GeneratedRegex(@"rebalance recommendation", RegexOptions.CultureInvariant)]
    private static partial Regex RebalanceRecommendation();

    // aws/karpenter-provider-aws#9226: "our spot terminated nodes are not being removed ... after the node has been reclaimed"
    [GeneratedRegex(@"spot interr\w*|(nodes?|instances?)\b.{0,30}\b(were |got |get )?interrupted|\b2 minutes?\b.{0,60}\bdrain"
        + @"|\bspot[- ](terminated|interrupted|reclaimed) (nodes?|instances?)", RegexOptions.CultureInvariant)]
    private static partial Regex InterruptedInWords();
}
