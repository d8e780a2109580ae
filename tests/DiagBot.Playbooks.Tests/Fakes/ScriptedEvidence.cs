using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// The in-memory evidence for cases the sandbox does not seed: tasks by desired status, services, container instances,
/// a task's start-up network, log lines per stream and CloudTrail events. A gap keyed by operation name
/// ("DescribeServices", "LookupEvents", ...) stands in for that operation's answer; <see cref="StartupTasks.Network"/>
/// builds a start-up's VPC in one.
/// </summary>
internal sealed class ScriptedEvidence : ScriptedAnswers, IEcsFake, ILogsEvidence, IAuditTrailEvidence, INetworkFake
{
    public List<EcsTask> Tasks { get; } = [];

    public List<EcsTaskDefinition> TaskDefinitions { get; } = [];

    public List<EcsService> Services { get; } = [];

    public List<EcsContainerInstance> ContainerInstances { get; } = [];

    /// <summary>Log lines by stream name; a filter reads every stream.</summary>
    public Dictionary<string, List<string>> LogStreams { get; } = [];

    public List<AuditEvent> AuditEvents { get; } = [];

    public List<Subnet> Subnets { get; } = [];

    public List<RouteTable> RouteTables { get; } = [];

    public List<VpcEndpoint> Endpoints { get; } = [];

    /// <summary>Event sources whose CloudTrail lookup answers ThrottlingException, as AWS does past 2 a second.</summary>
    public HashSet<string> ThrottledSources { get; } = [];

    public override IEcsEvidence Ecs => this;

    public override ILogsEvidence Logs => this;

    public override IAuditTrailEvidence AuditTrail => this;

    public override INetworkEvidence Network => this;

    public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeTasks", () => Tasks.FirstOrDefault(t => t.TaskId == task.TaskId), NoSuchTask(task));

    public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeTaskDefinition", () => TaskDefinitions.FirstOrDefault(d => d.TaskDefinitionArn == taskDefinitionArn));

    public Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken) =>
        Answer("ecs", "DescribeServices", () => Services.FirstOrDefault(s => s.ServiceName == serviceName));

    public Task<EvidenceResult<IReadOnlyList<string>>> ListTasksAsync(EcsTaskListQuery query, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<string>>("ecs", "ListTasks", () => Tasks
            .Where(t => (query.DesiredStatus ?? "RUNNING") == (t.DesiredStatus ?? t.LastStatus))
            .Where(t => query.ServiceName is null || t.Group == "service:" + query.ServiceName)
            .Select(t => t.TaskArn)
            .ToList());

    public Task<EvidenceResult<IReadOnlyList<EcsContainerInstance>>> DescribeContainerInstancesAsync(
        string cluster, IReadOnlyList<string> containerInstanceArns, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<EcsContainerInstance>>("ecs", "DescribeContainerInstances", () => ContainerInstances
            .Where(i => containerInstanceArns.Any(arn => arn == i.ContainerInstanceArn
                || i.ContainerInstanceArn.EndsWith("/" + arn, StringComparison.Ordinal)))
            .ToList());

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> GetLastEventsAsync(
        LogGroupRef group, string logStreamName, int limit, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<LogEvent>>("logs", "GetLogEvents", () => LogStreams.TryGetValue(logStreamName, out var lines)
            ? lines.TakeLast(limit).Select(line => new LogEvent(DateTimeOffset.UnixEpoch, line, logStreamName)).ToList()
            : null);

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> FilterEventsAsync(LogFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<LogEvent>>("logs", "FilterLogEvents", () => LogStreams
            .SelectMany(s => s.Value.Select(line => new LogEvent(DateTimeOffset.UnixEpoch, line, s.Key)))
            .Take(filter.Limit)
            .ToList());

    public Task<EvidenceResult<IReadOnlyList<AuditEvent>>> LookupEventsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ThrottledSources.Contains(query.AttributeValue)
            ? Missing<IReadOnlyList<AuditEvent>>("LookupEvents", Throttled)
            : Answer<IReadOnlyList<AuditEvent>>("cloudtrail", "LookupEvents", () => AuditEvents.Where(e => Matches(e, query)).Take(query.MaxEvents).ToList());

    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(
        IReadOnlyList<string> subnetIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<Subnet>>("ec2", "DescribeSubnets", () => Subnets.Where(s => subnetIds.Contains(s.SubnetId)).ToList());

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<RouteTable>>("ec2", "DescribeRouteTables", () => RouteTables.Where(t => t.VpcId == vpcId).ToList());

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<VpcEndpoint>>("ec2", "DescribeVpcEndpoints", () => Endpoints.Where(e => e.VpcId == vpcId).ToList());

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(
        IReadOnlyList<string> groupIds, AwsScope scope, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<SecurityGroup>>("ec2", "DescribeSecurityGroups", () => []);

    // The live client's words (EcsClient, EcsTaskLocator): the report's subject problem quotes them to the user.
    private static string NoSuchTask(EcsTaskRef task) =>
        $"task {task.TaskId} not found in {(task.Cluster is { } cluster ? "cluster " + cluster : "the configured clusters")}";

    private static bool Matches(AuditEvent e, AuditQuery query) => query.AttributeKey switch
    {
        AuditLookupAttribute.EventSource => e.EventSource == query.AttributeValue,
        AuditLookupAttribute.EventName => e.EventName == query.AttributeValue,
        AuditLookupAttribute.Username => e.Username == query.AttributeValue,
        _ => true,
    };
}
