using DiagBot.Sandbox.Aws.Elb;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// Listeners as a well-built ALB has them: HTTP:80 redirects to HTTPS:443, whose default action answers 404 for hosts no
/// rule knows; each application adds a host-header rule forwarding to its target group.
/// </summary>
internal static class ListenerSeeds
{
    public const int HttpsPort = 443;

    public static void Listeners(SeedContext context, ElbLoadBalancer lb)
    {
        context.World.Elb.Add(new ElbListener(ListenerArn(lb, 80), lb.LoadBalancerArn, 80, "HTTP", [ElbAction.RedirectToHttps()]));
        context.World.Elb.Add(new ElbListener(ListenerArn(lb, HttpsPort), lb.LoadBalancerArn, HttpsPort, "HTTPS", [ElbAction.FixedResponse("404")]));
    }

    public static ElbListener Https(SeedContext context, string loadBalancerArn) =>
        context.World.Elb.Listeners.First(l => l.LoadBalancerArn == loadBalancerArn && l.Port == HttpsPort);

    /// <summary>The next free priority in tens, as consoles and IaC modules number them.</summary>
    public static ElbRule ForwardRule(SeedContext context, string loadBalancerArn, ElbTargetGroup targetGroup, string? host = null)
    {
        var listener = Https(context, loadBalancerArn);
        var priority = (context.World.Elb.Rules.Where(r => r.ListenerArn == listener.ListenerArn).Select(r => r.Priority).DefaultIfEmpty(0).Max() / 10 + 1) * 10;
        var rule = new ElbRule(
            listener.ListenerArn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + ElbListener.SeededId($"rule/{listener.ListenerArn}/{priority}"),
            listener.ListenerArn, priority,
            [new ElbCondition("host-header", [host ?? HostFor(targetGroup.TargetGroupName)])],
            [ElbAction.Forward(targetGroup.TargetGroupArn)]);
        context.World.Elb.Add(rule);
        return rule;
    }

    public static string HostFor(string targetGroupName) =>
        (targetGroupName.EndsWith("-tg", StringComparison.Ordinal) ? targetGroupName[..^3] : targetGroupName) + ".example.com";

    // arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<lb-id>/<listener-id>
    private static string ListenerArn(ElbLoadBalancer lb, int port) =>
        lb.LoadBalancerArn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + ElbListener.SeededId($"listener/{lb.LoadBalancerArn}/{port}");
}
