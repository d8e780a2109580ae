namespace DiagBot.Playbooks.Outside;

/// <summary>
/// 400, 408 and 460 from an Application Load Balancer: the client, not the target, broke the request. Causes as the ALB
/// troubleshooting page lists them (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-400-issues;
/// #http-408-issues: "The client did not send data before the idle timeout period expired").
/// </summary>
internal static class ClientSideHttpError
{
    public static OutsideCause Cause { get; } = new(
        "client-side-http-error",
        "The load balancer refused or lost the request because of the client (a malformed request, headers too large, or the client closing the connection before the answer, HTTP 460): the targets were not asked.",
        [
            "Make the client's timeout longer than the time the targets need, or the load balancer's idle timeout.",
            "Fix the request the client sends (headers under 16 K per line, 64 K in all).",
        ],
        context => "aws elbv2 describe-load-balancers --query 'LoadBalancers[].[LoadBalancerName,LoadBalancerArn]'",
        [
            Phrase.Of("client closed or malformed the request", @"client sent a malformed request|request header exceeded|client closed the connection (with the load balancer )?before|\bhttp 460\b"),
            // The sweep (issue 19): the idle timeout here is the client's silence, not a slow target (playbook 13)
            Phrase.Of("the client sent nothing before the idle timeout", @"client (did not|didn'?t) send (any )?data before (the )?idle timeout"),
        ],
        0.85,
        "the load balancer's own words for a client fault")
    {
        ExplainsAway = new HashSet<int> { FailureModes.Alb504Timeout.Number },
    };
}
