namespace DiagBot.Sandbox.Aws.Elb;

internal sealed class ElbState
{
    private readonly List<ElbLoadBalancer> _loadBalancers = [];
    private readonly List<ElbTargetGroup> _targetGroups = [];
    private readonly List<ElbListener> _listeners = [];
    private readonly List<ElbRule> _rules = [];

    public IReadOnlyList<ElbLoadBalancer> LoadBalancers => _loadBalancers;

    public IReadOnlyList<ElbTargetGroup> TargetGroups => _targetGroups;

    public IReadOnlyList<ElbListener> Listeners => _listeners;

    public IReadOnlyList<ElbRule> Rules => _rules;

    public void Add(ElbLoadBalancer loadBalancer) => _loadBalancers.Add(loadBalancer);

    public void Add(ElbTargetGroup targetGroup) => _targetGroups.Add(targetGroup);

    public void Add(ElbListener listener) => _listeners.Add(listener);

    public void Add(ElbRule rule) => _rules.Add(rule);

    /// <summary>
    /// A target group belongs to a load balancer only through a listener or rule that forwards to it: that is how
    /// AWS fills TargetGroup.LoadBalancerArns, and what CreateService checks before it accepts the group.
    /// </summary>
    public IReadOnlyList<string> LoadBalancersForwardingTo(string targetGroupArn) =>
    [
        .. _listeners.Where(l => Forwards(l.DefaultActions, targetGroupArn)
                || _rules.Any(r => r.ListenerArn == l.ListenerArn && Forwards(r.Actions, targetGroupArn)))
            .Select(l => l.LoadBalancerArn)
            .Distinct(),
    ];

    private static bool Forwards(IReadOnlyList<ElbAction> actions, string targetGroupArn) =>
        actions.Any(a => a.Type == "forward" && a.TargetGroups.Any(g => g.TargetGroupArn == targetGroupArn));
}
