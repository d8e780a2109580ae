namespace DiagBot.Sandbox.Aws.Elb;

internal sealed class ElbState
{
    private readonly List<ElbLoadBalancer> _loadBalancers = [];
    private readonly List<ElbTargetGroup> _targetGroups = [];

    public IReadOnlyList<ElbLoadBalancer> LoadBalancers => _loadBalancers;

    public IReadOnlyList<ElbTargetGroup> TargetGroups => _targetGroups;

    public void Add(ElbLoadBalancer loadBalancer) => _loadBalancers.Add(loadBalancer);

    public void Add(ElbTargetGroup targetGroup) => _targetGroups.Add(targetGroup);
}
