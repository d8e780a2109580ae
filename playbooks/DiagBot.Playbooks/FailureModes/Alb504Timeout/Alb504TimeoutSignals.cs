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

    // Chat sweep (chat-b): requests that time out at the load balancer, told without the status code: "behind ALB sometimes requests time
    // out" (bitly/oauth2_proxy#581), "the timout was by the Load balancer" (alantech/iasql#1869). The load balancer named as where the
    // time ran out: below its 504, at its timeout's weight.
    private static readonly SignalRule TimesOutAtTheLoadBalancer = SignalRule.AnyOf(Playbook, 0.8,
        "requests time out at the load balancer, in an engineer's words",
        Phrase.Of("requests time out behind the load balancer", @"\b(behind|through|via) (the |an |our |a )?(alb|elb|load ?balancer)\b.{0,40}"
            + @"\b(time ?out|timed out|timing out|times out)\b"),
        Phrase.Of("the time-out was the load balancer's", @"\b(timeout|timout|time ?out|timed out)\b.{0,10}\b(by|from|at) the (alb|elb|load ?balancer)\b"));

    // Chat sweep (chat-b), bitly/oauth2_proxy#581: "It sometimes take more than 1 min for server to response". A duration alone, as
    // RequestsOverAMinute.
    private static readonly SignalRule AnswerTakesOverAMinute = SignalRule.AnyOf(Playbook, 0.6,
        "the server takes more than a minute to answer (the load balancer's idle timeout is 60 s by default)",
        Phrase.Of("over a minute to answer", @"\btakes? (more than|over|longer than) (a |one |1 ?|\d+ ?)(min|mins|minutes?)\b.{0,30}\b(respon\w*|"
            + @"answer|reply)"));

    // Chat sweep (chat-b), matrix-org/synapse#6073: "Return a 504 with a nice error message when we time out contacting an identity server".
    // A change that makes the app answer a status itself (a pull request's title) is the app's choice, not the load balancer's time-out.
    private static readonly SignalRule AppChoosesTheStatus = SignalRule.AnyOf(null, 0.9,
        "the app is changed to return the status itself: not the load balancer timing out",
        Phrase.Of("return a status, as a change", @"^return(s|ing)? (a |an )?(http )?(status )?(code )?5\d\d\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        TimesOutAtTheLoadBalancer,
        AnswerTakesOverAMinute,
        AppChoosesTheStatus,
        new(Playbook, 0.88, Http504(), "the load balancer answers 504 Gateway Timeout"), // ELB's status code
        new(Playbook, 0.65, IdleTimeout(), "the load balancer's idle / connection timeout elapsed before the target answered"), // timeout named, not its cause
        new(Playbook, 0.6, RequestsOverAMinute(), "requests take longer than the load balancer's idle timeout (60 s by default)"), // duration alone
        new(Playbook, 0.45, SlowRequests(), "slow or long-running requests"), // slowness alone
        new(Playbook, 0.8, LoadBalancerTimedOut(), "the load balancer timed out waiting for the target (its idle timeout, or the missing bytes)"), // the load balancer's timeout named
        new(Playbook, 0.65, EphemeralPortsBlocked(), "the subnet's network ACL drops the targets' answers on ephemeral ports, which the load balancer reports as 504"), // a documented 504 cause
    ];

    // Batch 13 by family: a 504 inside another script ("报了504错误", where \b does not fall) and "Gateway-Timeout" hyphenated
    [GeneratedRegex(@"\b504s?\b|(?<![0-9a-z])504(?![0-9a-z])|gateway ?[- ]?time ?-?out", RegexOptions.CultureInvariant)]
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
