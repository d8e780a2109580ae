using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// Everything a task's start-up reads, held in memory: task definitions, services, subnets, route tables,
/// endpoints, CloudTrail events. Put an operation name in Gaps to have it answer AccessDenied.
/// </summary>
internal sealed class FakeStartupEvidence : IEvidenceSource, IEcsFake, INetworkFake, IAuditTrailEvidence
{
    public List<EcsTaskDefinition> TaskDefinitions { get; } = [];
    public List<EcsService> Services { get; } = [];
    public List<Subnet> Subnets { get; } = [];
    public List<RouteTable> RouteTables { get; } = [];
    public List<VpcEndpoint> Endpoints { get; } = [];
    public List<AuditEvent> Trail { get; } = [];
    public HashSet<string> Gaps { get; } = [];

    /// <summary>Event sources whose CloudTrail lookup answers ThrottlingException, as AWS does past 2 a second.</summary>
    public HashSet<string> ThrottledSources { get; } = [];

    public IEcsEvidence Ecs => this;

    public INetworkEvidence Network => this;

    public IAuditTrailEvidence AuditTrail => this;

    // The sources this fake does not hold, named so none falls to a default: each answers a gap, as an unconfigured one does.
    public ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    public ILogsEvidence Logs => NoLogsEvidence.Instance;

    public IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

    public IEksEvidence Eks => NoEksEvidence.Instance;

    public IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

    public IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];

    public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken) =>
        Answer<EcsTask>("ecs", "DescribeTasks", null);

    public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeTaskDefinition", TaskDefinitions.FirstOrDefault(d => d.TaskDefinitionArn == taskDefinitionArn));

    public Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeServices", Services.FirstOrDefault(s => s.ServiceName == serviceName));

    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(
        IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<Subnet>>("ec2", "DescribeSubnets", Subnets.Where(s => subnetIds.Contains(s.SubnetId)).ToList());

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<RouteTable>>("ec2", "DescribeRouteTables", RouteTables.Where(t => t.VpcId == vpcId).ToList());

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<VpcEndpoint>>("ec2", "DescribeVpcEndpoints", Endpoints.Where(e => e.VpcId == vpcId).ToList());

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(
        IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<SecurityGroup>>("ec2", "DescribeSecurityGroups", null);

    public Task<EvidenceResult<IReadOnlyList<AuditEvent>>> LookupEventsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ThrottledSources.Contains(query.AttributeValue)
            ? Task.FromResult(EvidenceResult<IReadOnlyList<AuditEvent>>.Missing(new EvidenceGap("cloudtrail", "LookupEvents", GapReason.Throttled, "ThrottlingException: Rate exceeded")))
            : Answer<IReadOnlyList<AuditEvent>>("cloudtrail", "LookupEvents", Trail.Where(e => e.EventSource == query.AttributeValue).ToList());

    private Task<EvidenceResult<T>> Answer<T>(string source, string operation, T? value)
        where T : class
    {
        if (Gaps.Contains(operation))
        {
            return Task.FromResult(EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.AccessDenied, $"not authorized to perform: {source}:{operation}")));
        }

        return Task.FromResult(value is null
            ? EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.NotFound, "not in this fake"))
            : EvidenceResult<T>.Found(value));
    }
}
