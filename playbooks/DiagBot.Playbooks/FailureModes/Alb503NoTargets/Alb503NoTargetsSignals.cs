using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 5: an ALB answering 503 has no registered (or no usable) targets. When every registered target is
/// unhealthy the ALB fails open and still routes, so "unhealthy" is playbook 6, not this one.
/// </summary>
internal static partial class Alb503NoTargetsSignals
{
    private const int Playbook = Alb503NoTargets.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the target group's registered targets (aws elbv2 describe-target-health --target-group-arn ...): none registered is playbook 5, all unhealthy is playbook 6";

    private static readonly Phrase[] NotRegisteredOrNotInUse =
    [
        Phrase.Of("not registered or not in use (reason codes)", @"target\.notregistered|target\.notinuse"),
        Phrase.Of("not registered with the target group", @"not registered (to|with|in) the target group|targets? (are |is )?not registered|"
            + @"no targets? (are |is )?registered"),
        Phrase.Of("the group has no targets", @"doesn'?t have any targets?|does not have any targets?"),
        // Batch 19, the Classic Load Balancer's InstanceState descriptions (elasticloadbalancing 2012-06-01 API_InstanceState)
        Phrase.Of("a Classic Load Balancer's instance not registered", @"instance is not currently registered with the loadbalancer"),
        Phrase.Of("the group receives no traffic", @"not configured to receive traffic|availability zone that is not enabled"),
        Phrase.Of("registration failed", @"failed to register targets|cannot be registered"),
    ];

    private static readonly Phrase[] UnusableTarget =
    [
        Phrase.Of("invalid state or IP unusable (reason codes)", @"target\.invalidstate|target\.ipunusable"),
        Phrase.Of("the target instance is stopped or terminated", @"(terminated|stopped) (or (terminated|stopped) )?state"),
        Phrase.Of("invalid state, in words", @"invalid state|cannot be used as a target"),
    ];

    private static readonly Phrase[] NoTargetsInWords =
    [
        Phrase.Of("no targets get registered", @"no targets? (that )?(get|got|gets|are|were) registered|no targets have been registered"),
        Phrase.Of("targets not seen as registered", @"(not|n't) (see|seeing) .{0,30}registered as targets"),
        Phrase.Of("no target group, or a rule to an empty one", @"no target group is registered|rule to a target group which (doesn't|does not) work"),
        Phrase.Of("targets never get registered", @"targets? (never|not) (get|getting) registered"),
        // Batch 11, kubernetes-sigs/aws-load-balancer-controller#3690: "register into my target group but its empty"
        Phrase.Of("the target group stays empty", @"\btarget groups?\b.{0,80}\b(is|are|was|were|stays?|remains?|but (it'?s|its|it is)) "
            + @"(still |completely |always )?empty\b"),
        // Batch 12, kubernetes-sigs/aws-load-balancer-controller#1599: "Targets are not created in Target Groups"
        Phrase.Of("targets not created or registered in the group", @"\b(targets?|pods?|instances?|tasks?|ips?)\b (are |is |were |was )?"
            + @"(not|never|n'?t) (being )?(created|registered|added) (in|into|to|with) (the |their |its |a )?target ?groups?\b"),
        // Batch 12, kubernetes-sigs/aws-load-balancer-controller#3299: the controller's own line for a pod it leaves unregistered
        Phrase.Of("the controller skipped the pod's endpoint", @"ignore pod endpoint with non-existent podinfo"),
    ];

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        // ELB's reason codes
        SignalRule.AnyOf(Playbook, 0.9, "the target is not registered, or its target group receives no traffic (Target.NotRegistered / NotInUse)", NotRegisteredOrNotInUse),
        // ELB's reason codes
        SignalRule.AnyOf(Playbook, 0.85, "the registered target cannot be used (Target.InvalidState / IpUnusable)", UnusableTarget) with { OnlyIn = Fields.TargetHealth },
        new(Playbook, 0.85, NoRegisteredTargets(), "the target group has no registered targets"), // ELB's own words
        // 503 alone: ambiguous
        new(Playbook, 0.75, Http503(), "the load balancer answers 503: no registered targets (or a target type that cannot register the tasks)") { NotIn = Fields.Log },
        new(Playbook, 0.4, Http503(), "a 503 in a log line") { OnlyIn = Fields.Log }, // logs are noisy
        SignalRule.AnyOf(Playbook, 0.8, "no targets get registered, in an engineer's words", NoTargetsInWords), // the group is empty, said plainly
        new(Playbook, 0.85, AccessLogNoTarget(), "an ALB access-log line: no target took the request and the load balancer answered 503"), // ELB's own log
        // The sweep (issue 19), the ELB guide's target states (target-group-health-checks.md): "unused" is a target not registered, in a
        // group no rule uses, in an AZ not enabled, or stopped; every reason of playbook 5. ELB's state, one word, below its reason codes.
        new(Playbook, 0.8, UnusedState(), "the target is unused: not registered, its group not in use, or its instance stopped")
        {
            OnlyIn = Fields.TargetHealth,
        },
    ];

    // The sweep (issue 19), the ALB guide's access-log fields (load-balancer-access-logs.md): no target could take the request, so the
    // three processing times are -1 and the load balancer answered 503 itself
    [GeneratedRegex(@"\s-1 -1 -1 503\s", RegexOptions.CultureInvariant)]
    private static partial Regex AccessLogNoTarget();

    [GeneratedRegex(@"^unused$", RegexOptions.CultureInvariant)]
    private static partial Regex UnusedState();

    [GeneratedRegex(@"(no|zero|0) (registered|healthy) targets|(have|has) no registered targets|target group (is )?empty|target ?type.{0,30}\binstance\b.{0,60}\bawsvpc\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoRegisteredTargets();

    [GeneratedRegex(@"\b503s?\b|service (temporarily )?unavailable", RegexOptions.CultureInvariant)]
    private static partial Regex Http503();
}
