using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 13: the ALB answers 504 because the target does not answer within the idle (or connect) timeout.</summary>
internal static partial class Alb504TimeoutSignals
{
    private const int Playbook = Alb504Timeout.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the load balancer's idle timeout against the slow requests (aws elbv2 describe-load-balancer-attributes --load-balancer-arn ...)";

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.88, Http504(), "the load balancer answers 504 Gateway Timeout"), // ELB's status code
        new(Playbook, 0.65, IdleTimeout(), "the load balancer's idle / connection timeout elapsed before the target answered"), // timeout named, not its cause
        new(Playbook, 0.6, RequestsOverAMinute(), "requests take longer than the load balancer's idle timeout (60 s by default)"), // duration alone
        new(Playbook, 0.45, SlowRequests(), "slow or long-running requests"), // slowness alone
        new(Playbook, 0.8, LoadBalancerTimedOut(), "the load balancer timed out waiting for the target (its idle timeout, or the missing bytes)"), // the load balancer's timeout named
        new(Playbook, 0.65, EphemeralPortsBlocked(), "the subnet's network ACL drops the targets' answers on ephemeral ports, which the load balancer reports as 504"), // a documented 504 cause
    ];

    // Batch 13 by family: a 504 inside another script ("报了504错误", where \b does not fall) and "Gateway-Timeout" hyphenated
    [GeneratedRegex(@"\b504s?\b|(?<![0-9a-z])504(?![0-9a-z])|gateway[- ]time-?out", RegexOptions.CultureInvariant)]
    private static partial Regex Http504();

    [GeneratedRegex(@"idle ?timeout|idle_timeout|before the (idle|connection) timeout|connection timeout expired", RegexOptions.CultureInvariant)]
    private static partial Regex IdleTimeout();

    [GeneratedRegex(@"(requests?|responses?|calls?|uploads?).{0,60}\b(over|more than|longer than|after|exceed\w*) ~?\d+ ?(s|secs?|seconds|minutes?)\b|\b(over|more than|longer than) ~?\d+ ?(s|secs?|seconds|minutes?) to (complete|serve|respond|answer|finish)", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsOverAMinute();

    [GeneratedRegex(@"(slow|long[- ]running|long) (requests?|responses?|uploads?|queries)|takes? (longer than|more than) (a |one |\d+ )?(minute|seconds?)", RegexOptions.CultureInvariant)]
    private static partial Regex SlowRequests();

    [GeneratedRegex(@"load balancer timed out|load balancer('s)? (idle )?timeout|(lb|alb|elb) time ?out is", RegexOptions.CultureInvariant)]
    private static partial Regex LoadBalancerTimedOut();

    [GeneratedRegex(@"ephemeral ports", RegexOptions.CultureInvariant)]
    private static partial Regex EphemeralPortsBlocked();
}
