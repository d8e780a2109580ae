namespace DiagBot.Playbooks.Outside;

/// <summary>
/// HTTP 502 from an Application Load Balancer: the target reset or broke the connection. Causes as the ALB
/// troubleshooting page lists them (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-502-issues),
/// and woogles-io/liwords#1816, aws/containers-roadmap#708, widdix/mastodon-on-aws#9.
/// </summary>
internal static class LoadBalancer502
{
    public static OutsideCause Cause { get; } = new(
        "load-balancer-502",
        "The load balancer answered 502 Bad Gateway: a target reset or closed the connection, sent a malformed response, failed TLS, or was deregistered mid-request. That is neither a timeout (504) nor a lack of targets (503).",
        [
            "Make the app's keep-alive timeout longer than the load balancer's idle timeout (60 s by default), so the target never closes a connection the load balancer reuses.",
            "Check the targets' response headers and TLS set-up, and give deregistration a delay that covers the longest request.",
        ],
        context => "aws elbv2 describe-load-balancers --query 'LoadBalancers[].[LoadBalancerName,LoadBalancerArn]'",
        [
            Phrase.Of("502 Bad Gateway", @"\b502s?\b|bad gateway"),
            Phrase.Of("the target reset the connection", @"tcp rst|keep-alive duration of the target|target response is malformed|target response header exceeded|ssl handshake (error|timeout)|deregistration delay period elapsed"),
        ],
        0.85,
        "a 502 is the target's reset, not a timeout")
    {
        ExplainsAway = new HashSet<int> { FailureModes.Alb504Timeout.Number },
    };
}
