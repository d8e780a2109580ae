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

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
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

    [GeneratedRegex(@"spot ?interrupt\w*|spot (task|instance|node)s? (was |were |is )?(interrupted|reclaimed|terminated)|spot.{0,30}(interrupt|termination notice|reclaim)|instance interruption warning", RegexOptions.CultureInvariant)]
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
