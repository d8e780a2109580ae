using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 6: targets are registered but fail the load balancer's health checks while the app may be fine
/// (path, port, matcher, security group).
/// </summary>
internal static partial class TargetsUnhealthySignals
{
    private const int Playbook = TargetsUnhealthy.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the targets' health reasons (aws elbv2 describe-target-health --target-group-arn ...): unhealthy targets are playbook 6, none registered is playbook 5";

    // Issue 19: targets that never pass, told without a reason code (unhealthy "because requests time out").
    private static readonly SignalRule NeverHealthy = SignalRule.AnyOf(Playbook, 0.75,
        "the targets never pass the load balancer's health checks, in an engineer's words",
        Phrase.Of("never becomes healthy", @"never (becomes?|became|gets?|got|turns?|goes|went) healthy"),
        Phrase.Of("failing health checks for good", @"(perpetually|constantly|continuously|always|endlessly) fail\w* (the )?health ?checks?"),
        Phrase.Of("a target shown unhealthy", @"\btargets? (shows?|showing|marked|goes|went) (as )?\W?unhealthy"),
        Phrase.Of("health check requests time out", @"health ?check\w* (requests? )?(\w+ ){0,6}(are |is )?(timing out|time out|timed out)"));

    private static readonly Phrase[] HealthReasonCode =
    [
        Phrase.Of("health check reason codes", @"target\.(responsecodemismatch|timeout|failedhealthchecks)|elb\.internalerror|"
            + @"health checks failed with these codes"),
        Phrase.Of("the health check description", @"health checks failed due to an internal error|unhealthythreshold"),
    ];

    private static readonly Phrase[] HealthChecksFailInWords =
    [
        Phrase.Of("health checks for the load balancer fail", @"health ?checks? (for|of) (the )?(application load balancer|alb|load balancer|target group)\b.{0,30}fail"),
        Phrase.Of("the load balancer's health checks fail", @"(alb|elb|load balancer|target group) health ?checks? (keeps? )?fail\w*"),
        Phrase.Of("targets marked unhealthy", @"targets? (are |is )?(considered|marked|reported|seen as) unhealthy"),
        Phrase.Of("health checks keep failing", @"health ?checks? have failed|healthchecks? keeps? failing"),
    ];

    // Issue 19, batch 10: the load balancer's verdict on the tasks, told as what it does to them; an engineer's words, so below
    // the reason codes.
    private static readonly SignalRule MarkedUnhealthy = SignalRule.AnyOf(Playbook, 0.8,
        "the load balancer marks the tasks unhealthy, in an engineer's words",
        // bitsfolio.com, ALB health checks flapping: "New tasks start, the load balancer marks them unhealthy, they get killed"
        Phrase.Of("the load balancer marks them unhealthy", @"\b(load balancer|alb|elb|target group)\b.{0,20}\b(marks?|marked|flags?|flagged) "
            + @"(them|it|tasks|targets|the (new )?(tasks?|targets?|instances?)) (as )?unhealthy"),
        // getredash/docker#15 ("failing when getting code 302 redirect"), nodatime/nodatime#1317 (a 307 from HTTP)
        Phrase.Of("health checks fail on a redirect", @"health ?checks?\b.{0,60}\bfail\w*\b.{0,40}\b(30[1278]|3xx)\b"),
        // brikis98/terraform-up-and-running-code#39: "the health check, the result is always unhealthy"
        Phrase.Of("always unhealthy after the health check", @"health ?checks?\b.{0,40}\b(always|still|constantly) unhealthy\b"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        SignalRule.AnyOf(Playbook, 0.92, "the load balancer's health checks fail (target health reason code)", HealthReasonCode), // ELB's reason codes
        new(Playbook, 0.85, HealthChecksFailed(), "the load balancer's health checks fail"), // ELB's own words
        new(Playbook, 0.88, UnhealthyInTargetGroup(), "ECS reports the task unhealthy in its target group / ELB"), // ECS's own event
        new(Playbook, 0.8, UnhealthyTargetsWords(), "the targets are unhealthy") { NotIn = Fields.TargetHealth }, // state, in words
        new(Playbook, 0.75, HealthyHereNotThere(), "the task looks healthy to ECS but not to the load balancer's target group"), // mismatch, in words
        new(Playbook, 0.85, RequestTimedOut(), "the health check request timed out (Target.Timeout)") { OnlyIn = Fields.TargetHealth }, // ELB's reason code
        new(Playbook, 0.8, UnhealthyState(), "the target is unhealthy") { OnlyIn = Fields.TargetHealth }, // ELB's state
        new(Playbook, 0.85, HealthCheckerAnswered(), "the ELB health checker got a non-2xx answer (its own line in an access log)"), // the checker's own request, failed
        SignalRule.AnyOf(Playbook, 0.8, "the load balancer's health checks fail, in an engineer's words", HealthChecksFailInWords), // plain words for the reason codes
        NeverHealthy,
        MarkedUnhealthy,
    ];

    [GeneratedRegex(@"(?<!container )health ?checks? (are |were |is |keep )?fail|fail\w* (the )?(elb |alb |target group |load balancer |lb )?health ?checks?(?! ?container)|health check(ing)? (is )?failing|fail\w* .{0,40}(elb|load balancing|load balancer).{0,10}health ?checks?", RegexOptions.CultureInvariant)]
    private static partial Regex HealthChecksFailed();

    [GeneratedRegex(@"is unhealthy in \(?(target-group|elb)|unhealthy in (the )?target[- ]group|failed elb health checks", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyInTargetGroup();

    [GeneratedRegex(@"targets? (are |is |keep |keeps )?(going |marked )?(unhealthy|failing)|unhealthy (targets?|hosts?)|unhealthyhostcount", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyTargetsWords();

    [GeneratedRegex(@"healthy\b.{0,30}\bbut not\b.{0,20}\b(alb|target group|load balancer|elb|nlb)|(unhealthy|not healthy|outofservice|out of service) (in|on|from) (the )?(alb|target group|load balancer|elb|nlb)", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyHereNotThere();

    [GeneratedRegex(@"^request timed out\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestTimedOut();

    [GeneratedRegex(@"^unhealthy$", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyState();

    [GeneratedRegex(@"""\s[45]\d\d\s\d+\s.{0,40}elb-healthchecker|\b(4\d\d|5\d\d)s?\b.{0,40}elb-healthchecker", RegexOptions.CultureInvariant)]
    private static partial Regex HealthCheckerAnswered();
}
