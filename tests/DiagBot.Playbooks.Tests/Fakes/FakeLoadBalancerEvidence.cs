using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// A service behind a load balancer held in memory (ECS, ELBv2, security groups, log lines), for the sub-causes the
/// sandbox does not seed. A gap keyed by operation name ("DescribeTargetHealth", ...) stands in for that answer.
/// </summary>
internal sealed class FakeLoadBalancerEvidence : ScriptedAnswers, IEcsFake, ILoadBalancingFake, INetworkFake, ILogsEvidence
{
    public List<EcsService> Services { get; } = [];

    public List<EcsTaskDefinition> TaskDefinitions { get; } = [];

    public List<TargetGroup> TargetGroups { get; } = [];

    public Dictionary<string, List<TargetHealthDescription>> Health { get; } = [];

    public List<LoadBalancer> LoadBalancers { get; } = [];

    public Dictionary<string, Dictionary<string, string>> Attributes { get; } = [];

    /// <summary>Tags by resource ARN; a group not listed has none, as most groups made outside a cluster.</summary>
    public Dictionary<string, Dictionary<string, string>> Tags { get; } = [];

    public List<SecurityGroup> SecurityGroups { get; } = [];

    public List<LogEvent> LogLines { get; } = [];

    public override IEcsEvidence Ecs => this;

    public override ILoadBalancingEvidence LoadBalancing => this;

    public override INetworkEvidence Network => this;

    public override ILogsEvidence Logs => this;

    public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken) =>
        Answer<EcsTask>("ecs", "DescribeTasks", () => null);

    public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeTaskDefinition", () => TaskDefinitions.FirstOrDefault(d => d.TaskDefinitionArn == taskDefinitionArn));

    public Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeServices", () => Services.FirstOrDefault(s => s.ServiceName == serviceName));

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsAsync(
        IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<TargetGroup>>("elasticloadbalancing", "DescribeTargetGroups", () => TargetGroups.Where(g => targetGroupArns.Contains(g.TargetGroupArn)).ToList());

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsOfLoadBalancerAsync(
        string loadBalancerArn, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<TargetGroup>>("elasticloadbalancing", "DescribeTargetGroups", () => TargetGroups.Where(g => g.LoadBalancerArns.Contains(loadBalancerArn)).ToList());

    public Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<TargetHealthDescription>>("elasticloadbalancing", "DescribeTargetHealth", () => Health.GetValueOrDefault(targetGroupArn) ?? []);

    public Task<EvidenceResult<IReadOnlyList<LoadBalancer>>> DescribeLoadBalancersAsync(
        IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<LoadBalancer>>("elasticloadbalancing", "DescribeLoadBalancers", () => LoadBalancers.Where(lb => loadBalancerArns.Contains(lb.LoadBalancerArn)).ToList());

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeLoadBalancerAttributesAsync(
        string loadBalancerArn, CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<string, string>>("elasticloadbalancing", "DescribeLoadBalancerAttributes", () => Attributes.GetValueOrDefault(loadBalancerArn));

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<string, string>>("elasticloadbalancing", "DescribeTags",
            () => Tags.GetValueOrDefault(resourceArn) ?? new Dictionary<string, string>());

    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(
        IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<Subnet>>("ec2", "DescribeSubnets", () => []);

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<RouteTable>>("ec2", "DescribeRouteTables", () => []);

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<VpcEndpoint>>("ec2", "DescribeVpcEndpoints", () => []);

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(
        IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<SecurityGroup>>("ec2", "DescribeSecurityGroups", () => SecurityGroups.Where(g => groupIds.Contains(g.GroupId)).ToList());

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> GetLastEventsAsync(
        LogGroupRef group, string logStreamName, int limit, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<LogEvent>>("logs", "GetLogEvents", () => LogLines.TakeLast(limit).ToList());

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> FilterEventsAsync(LogFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<LogEvent>>("logs", "FilterLogEvents", () => LogLines.Take(filter.Limit).ToList());

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsByNameAsync(string name, AwsScope where, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<TargetGroup>>("elasticloadbalancing", "DescribeTargetGroups", () => TargetGroups.Where(g => g.TargetGroupName == name && In(where, g.TargetGroupArn)).ToList() is { Count: > 0 } found ? found : null);

    public Task<EvidenceResult<EcsServiceSearch>> DescribeAllServicesAsync(AwsScope where, CancellationToken cancellationToken) =>
        Answer("ecs", "ListServices", () => new EcsServiceSearch([.. Services.Where(s => In(where, s.ServiceArn)).Select(s => s.ClusterArn).OfType<string>().DefaultIfEmpty("arn:aws:ecs:eu-west-1:111122223333:cluster/prod").Distinct()], [.. Services.Where(s => In(where, s.ServiceArn))], false, []));

    private static bool In(AwsScope where, string arn) =>
        AwsScope.FromArn(arn) == (where.AccountId is null ? new AwsScope("111122223333", LoadBalancedWorld.Region) : where);
}
