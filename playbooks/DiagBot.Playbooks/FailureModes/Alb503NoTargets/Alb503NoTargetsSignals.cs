using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

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

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.9, NotRegisteredOrNotInUse(), "the target is not registered, or its target group receives no traffic (Target.NotRegistered / NotInUse)"),
        new(Playbook, 0.85, UnusableTarget(), "the registered target cannot be used (Target.InvalidState / IpUnusable)") { OnlyIn = Fields.TargetHealth },
        new(Playbook, 0.85, NoRegisteredTargets(), "the target group has no registered targets"),
        new(Playbook, 0.75, Http503(), "the load balancer answers 503: no registered targets (or a target type that cannot register the tasks)") { NotIn = Fields.Log },
        new(Playbook, 0.4, Http503(), "a 503 in a log line") { OnlyIn = Fields.Log },
        new(Playbook, 0.8, NoTargetsInWords(), "no targets get registered, in an engineer's words"), // the group is empty, said plainly
    ];

    [GeneratedRegex(@"target\.notregistered|target\.notinuse|not registered (to|with|in) the target group|targets? (are |is )?not registered|no targets? (are |is )?registered|doesn'?t have any targets?|does not have any targets?|not configured to receive traffic|availability zone that is not enabled|failed to register targets|cannot be registered", RegexOptions.CultureInvariant)]
    private static partial Regex NotRegisteredOrNotInUse();

    [GeneratedRegex(@"target\.invalidstate|target\.ipunusable|(terminated|stopped) (or (terminated|stopped) )?state|invalid state|cannot be used as a target", RegexOptions.CultureInvariant)]
    private static partial Regex UnusableTarget();

    [GeneratedRegex(@"no (registered|healthy) targets|(have|has) no registered targets|target group (is )?empty|target ?type.{0,30}\binstance\b.{0,60}\bawsvpc\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoRegisteredTargets();

    [GeneratedRegex(@"\b503s?\b|service (temporarily )?unavailable", RegexOptions.CultureInvariant)]
    private static partial Regex Http503();

    [GeneratedRegex(@"no targets? (that )?(get|got|gets|are|were) registered|no targets have been registered|(not|n't) (see|seeing) .{0,30}registered as targets|no target group is registered|rule to a target group which (doesn't|does not) work|targets? (never|not) (get|getting) registered", RegexOptions.CultureInvariant)]
    private static partial Regex NoTargetsInWords();
}
