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
        Phrase.Of("health check requests time out", @"health ?check\w* (requests? )?(\w+ ){0,6}(are |is )?(timing out|time out|timed out)"),
        // Batch 11, tomodahinata.com's Fargate guide: "it never passes the ALB health check"
        Phrase.Of("never passes the health check", @"never (pass|passes|passed|passing) (the |its |their |any )?"
            + @"(alb |elb |load balancer |target group )?health ?checks?"));

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
        Phrase.Of("targets marked unhealthy", @"targets? (are |is )?(still )?(considered|marked|reported|seen as) unhealthy"),
        Phrase.Of("health checks keep failing", @"health ?checks? have failed|healthchecks? keeps? failing"),
        // Batch 11, 1Password/scim-examples#162: "configs using `/` as the health check are continually failing"
        Phrase.Of("health checks failing again and again", @"health ?checks? (are |is |were |was )?(continually|constantly|repeatedly|still|always) fail\w*"),
    ];

    // Issue 19, batch 10: the load balancer's verdict on the tasks, told as what it does to them; an engineer's words, so below
    // the reason codes.
    private static readonly SignalRule MarkedUnhealthy = SignalRule.AnyOf(Playbook, 0.8,
        "the load balancer marks the tasks unhealthy, in an engineer's words",
        // bitsfolio.com, ALB health checks flapping: "New tasks start, the load balancer marks them unhealthy, they get killed"
        // Batch 11 widened it to a passage (the verdict may come a sentence after the ALB is named) and to services and pods:
        // hashnode "ECS health check mistakes": "my ALB started checking the new ECS tasks ... It marked them unhealthy"
        Phrase.Of("the load balancer marks them unhealthy", @"\b(load balancer|alb|elb|target group)\b.{0,120}\b(marks?|marked|flags?|flagged) "
            + @"(them|it|tasks|targets|the (new )?(tasks?|targets?|instances?|services?|containers?|pods?)) (as )?unhealthy"),
        // Batch 11, docker-archive/for-aws#52: the target group drains instances "because it thinks that they are not healthy"
        Phrase.Of("the load balancer thinks they are not healthy", @"\b(target groups?|load balancers?|alb|elb)\b.{0,100}"
            + @"\b(thinks?|believes?|considers?|deems?)\b.{0,25}\b(not healthy|unhealthy)\b"),
        // getredash/docker#15 ("failing when getting code 302 redirect"), nodatime/nodatime#1317 (a 307 from HTTP)
        Phrase.Of("health checks fail on a redirect", @"health ?checks?\b.{0,60}\bfail\w*\b.{0,40}\b(30[1278]|3xx)\b"),
        // brikis98/terraform-up-and-running-code#39: "the health check, the result is always unhealthy"
        Phrase.Of("always unhealthy after the health check", @"health ?checks?\b.{0,40}\b(always|still|constantly) unhealthy\b")) with
    {
        // ECS replaces the tasks the load balancer marks unhealthy: the restarts that follow are its verdict, not a crash loop.
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
    };

    // Issue 19, batch 11: targets that flap between healthy and unhealthy (fixwikihub.com's ALB health check page: "Intermittent 503s
    // as targets cycle between healthy/unhealthy"). The 503s are the flapping targets', so they explain playbook 5's 503 away.
    private static readonly SignalRule Flapping = SignalRule.AnyOf(Playbook, 0.85,
        "the targets flap between healthy and unhealthy, in an engineer's words",
        Phrase.Of("cycling between healthy and unhealthy", @"\b(cycl\w*|flap\w*|flip\w*|bounc\w*|toggl\w*|oscillat\w*)\b.{0,25}"
            + @"\b(healthy\W{1,6}unhealthy|unhealthy\W{1,6}healthy)\b"),
        Phrase.Of("flapping targets or health checks", @"\b(targets?|health ?checks?)\b.{0,20}\bflapping\b|\bflapping (targets?|health ?checks?)\b")) with
    {
        ExplainsAway = new HashSet<int> { Alb503NoTargets.Number },
    };

    // Issue 19, batch 12: the health check told as broken or mis-set rather than failing: deadlysyn/terraform-keycloak-aws#6 ("which
    // breaks the ALB health check"), aws-samples/keycloak-on-aws#511 (302 added to the "Target Group Health Check Matcher"),
    // LikeLionTeam4/slash-infra#62 (an ALB whose targets are "always" unhealthy, in Korean), hackoregon/civic-devops#263 (too slow for the check's
    // "minimum number of successful results"). An engineer's words about the load balancer's check, so at the plain-words weight.
    private static readonly SignalRule HealthCheckMisfit = SignalRule.AnyOf(Playbook, 0.8,
        "the load balancer's health check is broken or mis-set for the app, in an engineer's words",
        Phrase.Of("the health check is broken", @"\b(breaks?|broke|broken|breaking) (the |its |our )?"
            + @"(alb |elb |target group |load balancer )?health ?checks?\b"),
        Phrase.Of("a redirect code added to the matcher", @"\b30[0-9]\b.{0,60}\bhealth ?check matcher\b|\bhealth ?check matcher\b.{0,60}\b30[0-9]\b"),
        Phrase.Of("the load balancer shows unhealthy", @"\b(alb|elb)\b.{0,60}\bunhealthy\b"),
        Phrase.Of("too slow for the healthy threshold", @"\bhealth ?check\b.{0,80}\b(minimum number of successful|healthy threshold)\b"));

    // Issue 19, batches 10-13 by family: the target group's own state told in words ("target groups are in unhealthy state", "tg-1
    // unhealthy"), the check answered with a 4xx or 5xx ("the health check ... nginx returns 404", the ELB page's
    // Target.ResponseCodeMismatch in words), a check failed on a port or path, and targets drained or deregistered for being
    // unhealthy. The target group named beside the verdict; an engineer's words, so at the plain-words weight. The restarts that
    // follow are ECS replacing what the load balancer failed, not a crash loop.
    private static readonly SignalRule GroupVerdictInWords = SignalRule.AnyOf(Playbook, 0.8,
        "the target group's health check fails the targets, in an engineer's words",
        Phrase.Of("the target group shown unhealthy", @"\b(target ?groups?|tg-?\w*)\b.{0,60}\b(in|showing|shows?|are|is|went|goes|turns?|stays?|makes?) "
            + @"(\w+ )?\W?unhealthy\b|\b(target ?groups?|tg-\w+) \W?unhealthy\b"),
        Phrase.Of("the health check answered an error code", @"\bhealth ?check\w*\b.{0,80}\b(returns?|returned|returning|gets?|got|getting|"
            + @"receiv\w+|responds?|responded|answers?)\b.{0,30}\b[45]\d\d\b"),
        Phrase.Of("the check fails on a port or path", @"\bfail\w* (the |its )?(health ?)?checks? (on|at|for|against) (the )?(port|path|endpoint)\b"),
        Phrase.Of("drained or deregistered for being unhealthy", @"\b(deregister\w*|drain\w*)\b.{0,60}\b(unhealthy|health ?checks?)\b|"
            + @"\bunhealthy\b.{0,40}\b(deregister\w*|drain\w*)\b")) with
    {
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
    };

    // Sweep (chat-a): the load balancer told as the one killing the tasks, or its health check as mis-set behind the errors:
    // aws/amazon-ecs-agent#1397 ("ALB saw an error 500 on a different pass of the HC and killed the container"),
    // aprin-labs/archimedes#1600 (cold tasks "were killed by the target group"), navapbc/template-infra#212 (503s because "the container
    // and ALB healthchecks weren't configured properly"), FINRAOS/aphelion#19 ("sending the health check to port 80 instead of 443").
    // The restarts and 503s that follow are the check's doing, so they explain playbooks 8 and 5 away; an engineer's words.
    private static readonly SignalRule LoadBalancerTakesTasksDown = SignalRule.AnyOf(Playbook, 0.8,
        "the load balancer's health check kills the tasks, or is mis-set, in an engineer's words",
        Phrase.Of("killed by the load balancer", @"\bkilled by the (alb|elb|load balancer|target group)\b|\b(alb|elb|load balancer|target group)\b.{0,60}"
            + @"\b(kill\w*|terminat\w*)\b (the |my |our )?(containers?|tasks?)\b"),
        Phrase.Of("the health checks were not set up right", @"\bhealth ?checks?\b.{0,30}\b(weren'?t|were not|wasn'?t|was not|not) (configured|set up) "
            + @"(properly|correctly|right)\b|\bmisconfigured (alb |elb |target group )?health ?checks?\b"),
        Phrase.Of("the health check sent to the wrong port", @"\bhealth ?checks? (to|on|at) port \d+ instead of\b"),
        Phrase.Of("errors on the load balancer's health checks", @"\b(errors?|fail\w*)\b.{0,20}\bhealth ?checks? from the (alb|elb|load balancer)\b")) with
    {
        ExplainsAway = new HashSet<int> { CrashLoop.Number, Alb503NoTargets.Number },
    };

    // Batch 22, kubernetes/ingress-nginx#6164: "ALb with nginx ingress controller in eks giving 504 errors in health checks": the status
    // code is the check's answer (Target.ResponseCodeMismatch), not a client's 5xx from the load balancer, so playbooks 5 and 13's
    // readings of the code mean nothing more (weight: the check named with its code).
    private static readonly SignalRule CodeAnsweredToTheChecks = SignalRule.AnyOf(Playbook, 0.85,
        "the health checks are answered with a 5xx: the targets fail them (Target.ResponseCodeMismatch)",
        Phrase.Of("a 5xx answered to the health checks", @"\b50[0-4]\b (\w+ )?(errors? |responses? |codes? )?(in|on|from|for|to) (the |its |our )?"
            + @"(alb |elb |target group |load balancer )?health ?checks?\b")) with
    {
        ExplainsAway = new HashSet<int> { Alb503NoTargets.Number, Alb504Timeout.Number },
        RulesOutOutside = new HashSet<string>(StringComparer.Ordinal) { LoadBalancer502.Cause.Name },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        LoadBalancerTakesTasksDown,
        HealthCheckMisfit,
        CodeAnsweredToTheChecks,
        GroupVerdictInWords,
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
        Flapping,
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
