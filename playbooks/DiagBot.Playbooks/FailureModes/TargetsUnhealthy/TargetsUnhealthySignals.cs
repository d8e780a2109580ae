using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

// Playbook 6: targets are registered but fail the load balancer's health checks while the app may be fine
// (path, port, matcher, security group).
internal static partial class TargetsUnhealthySignals
{
    public const int Playbook = 6;

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.92, HealthReasonCode(), "the load balancer's health checks fail (target health reason code)"),
        new(Playbook, 0.85, HealthChecksFailed(), "the load balancer's health checks fail"),
        new(Playbook, 0.88, UnhealthyInTargetGroup(), "ECS reports the task unhealthy in its target group / ELB"),
        new(Playbook, 0.8, UnhealthyTargetsWords(), "the targets are unhealthy") { NotIn = Fields.TargetHealth },
        new(Playbook, 0.5, ReadinessProbeFailed(), "the pod's readiness probe fails, so the load balancer sees no ready target behind it"),
        new(Playbook, 0.75, HealthyHereNotThere(), "the task looks healthy to ECS but not to the load balancer's target group"),
        new(Playbook, 0.85, RequestTimedOut(), "the health check request timed out (Target.Timeout)") { OnlyIn = Fields.TargetHealth },
        new(Playbook, 0.8, UnhealthyState(), "the target is unhealthy") { OnlyIn = Fields.TargetHealth },
    ];

    [GeneratedRegex(@"target\.(responsecodemismatch|timeout|failedhealthchecks)|elb\.internalerror|health checks failed with these codes|health checks failed due to an internal error|unhealthythreshold", RegexOptions.CultureInvariant)]
    private static partial Regex HealthReasonCode();

    [GeneratedRegex(@"(?<!container )health ?checks? (are |were |is |keep )?fail|fail\w* (the )?(elb |alb |target group |load balancer |lb )?health ?checks?(?! ?container)|health check(ing)? (is )?failing|fail\w* .{0,40}(elb|load balancing|load balancer).{0,10}health ?checks?", RegexOptions.CultureInvariant)]
    private static partial Regex HealthChecksFailed();

    [GeneratedRegex(@"is unhealthy in \(?(target-group|elb)|unhealthy in (the )?target[- ]group|failed elb health checks", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyInTargetGroup();

    [GeneratedRegex(@"targets? (are |is |keep |keeps )?(going |marked )?(unhealthy|failing)|unhealthy (targets?|hosts?)|unhealthyhostcount", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyTargetsWords();

    [GeneratedRegex(@"healthy\b.{0,30}\bbut not\b.{0,20}\b(alb|target group|load balancer|elb|nlb)|(unhealthy|not healthy|outofservice|out of service) (in|on|from) (the )?(alb|target group|load balancer|elb|nlb)", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyHereNotThere();

    [GeneratedRegex(@"readiness probe failed|failed readiness probe", RegexOptions.CultureInvariant)]
    private static partial Regex ReadinessProbeFailed();

    [GeneratedRegex(@"^request timed out\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestTimedOut();

    [GeneratedRegex(@"^unhealthy$", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyState();
}
