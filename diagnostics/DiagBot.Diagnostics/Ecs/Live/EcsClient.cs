using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Ecs.Wire;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>IEcsEvidence over the ECS JSON 1.1 API, for one diagnosis session.</summary>
internal sealed class EcsClient(AwsJsonClient json, EvidenceScope scope, AwsLocations locations) : IEcsEvidence
{
    private readonly EcsInventoryReader _inventory = new(json, scope, locations);
    private readonly EcsServiceFinder _finder = new(json, scope, locations);

    public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken)
    {
        if (task.IsBareId)
        {
            return new EcsTaskLocator(this, locations).FindAsync(task.TaskId, cancellationToken);
        }

        // An old-format ARN (task/<id>) names no cluster: asking the default cluster would miss every other one.
        if (task.Cluster is null)
        {
            return new EcsTaskLocator(this, locations).FindOldArnAsync(task, cancellationToken);
        }

        return DescribeInClusterAsync(new ClusterLocation(new AwsTarget(task.AccountId, task.Region!), task.Cluster), task.TaskId, cancellationToken);
    }

    public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken)
    {
        var target = Arn.TryParse(taskDefinitionArn, out var arn) ? locations.ForArn(arn) : locations.Default;
        var operation = EcsApi.DescribeTaskDefinition;
        return scope.GetOrLoadAsync($"ecs:{operation.Name}:{target}:{taskDefinitionArn}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await json.CallAsync<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>(
                operation, EcsApi.TargetPrefix, target, new DescribeTaskDefinitionRequest(taskDefinitionArn), scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            if (result.Gap is { } gap)
            {
                // ECS answers an unknown task definition with ClientException "Unable to describe task definition."
                return EvidenceResult<EcsTaskDefinition>.Missing(
                    gap.Reason == GapReason.InvalidRequest && gap.Detail.Contains("Unable to describe task definition", StringComparison.OrdinalIgnoreCase)
                        ? gap with { Reason = GapReason.NotFound }
                        : gap);
            }

            return result.Value!.TaskDefinition is { } definition
                ? EvidenceResult<EcsTaskDefinition>.Found(EcsWireMapper.ToModel(definition))
                : EvidenceResult<EcsTaskDefinition>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.NotFound, $"task definition {taskDefinitionArn} not found in {target}"));
        }, cancellationToken);
    }

    public Task<EvidenceResult<IReadOnlyList<string>>> ListTasksAsync(EcsTaskListQuery query, CancellationToken cancellationToken) =>
        _inventory.ListTasksAsync(query, cancellationToken);

    public Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken) =>
        _inventory.DescribeServiceAsync(cluster, serviceName, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<EcsContainerInstance>>> DescribeContainerInstancesAsync(
        string cluster, IReadOnlyList<string> containerInstanceArns, CancellationToken cancellationToken) =>
        _inventory.DescribeContainerInstancesAsync(cluster, containerInstanceArns, cancellationToken);

    public async Task<EvidenceResult<IReadOnlyList<string>>> ListTasksStartedByAsync(string startedBy, CancellationToken cancellationToken)
    {
        // A configured cluster is asked by ARN, so the call goes to its own account and region.
        var reads = await Task.WhenAll(locations.Clusters.Select(c => ListTasksAsync(
            new EcsTaskListQuery(Arn.TryParse(c.Cluster, out _) || c.Target.AccountId is null ? c.Cluster : $"arn:aws:ecs:{c.Target.Region}:{c.Target.AccountId}:cluster/{c.Cluster}")
            { StartedBy = startedBy, MaxTasks = 1 }, cancellationToken))).ConfigureAwait(false);
        var found = reads.SelectMany(r => r.Value ?? []).ToList();
        return found.Count > 0 || reads.All(r => r.HasValue)
            ? EvidenceResult<IReadOnlyList<string>>.Found(found)
            : EvidenceResult<IReadOnlyList<string>>.Missing(reads.First(r => !r.HasValue).Gap!);
    }

    public Task<EvidenceResult<EcsServiceSearch>> DescribeAllServicesAsync(AwsScope where, CancellationToken cancellationToken) =>
        _finder.DescribeAllServicesAsync(where, cancellationToken);

    /// <summary>ListClusters in one account and region, its first page (up to 100 clusters): where an old task ARN may live.</summary>
    internal Task<EvidenceResult<IReadOnlyList<string>>> ListClusterArnsAsync(AwsTarget target, CancellationToken cancellationToken)
    {
        var operation = EcsApi.ListClusters;
        return scope.GetOrLoadAsync($"ecs:{operation.Name}:{target}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await json.CallAsync<ListClustersRequest, ListClustersResponse>(
                operation, EcsApi.TargetPrefix, target, new ListClustersRequest(EcsApi.MaxListResults, null), scope.Budget, CancellationToken.None).ConfigureAwait(false);
            return result.Value is { } response
                ? EvidenceResult<IReadOnlyList<string>>.Found(response.ClusterArns ?? [])
                : EvidenceResult<IReadOnlyList<string>>.Missing(result.Gap!);
        }, cancellationToken);
    }

    internal Task<EvidenceResult<EcsTask>> DescribeInClusterAsync(ClusterLocation location, string taskId, CancellationToken cancellationToken)
    {
        var operation = EcsApi.DescribeTasks;
        var cluster = EcsApi.ClusterName(location.Cluster);
        return scope.GetOrLoadAsync($"ecs:{operation.Name}:{location.Target}:{cluster}:{taskId}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await json.CallAsync<DescribeTasksRequest, DescribeTasksResponse>(
                operation, EcsApi.TargetPrefix, location.Target, new DescribeTasksRequest(location.Cluster, [taskId]), scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            if (result.Gap is { } gap)
            {
                return EvidenceResult<EcsTask>.Missing(gap);
            }

            var response = result.Value!;
            if (response.Tasks?.FirstOrDefault(t => t.TaskArn?.EndsWith("/" + taskId, StringComparison.Ordinal) == true) is { } task)
            {
                return EvidenceResult<EcsTask>.Found(EcsWireMapper.ToModel(task));
            }

            var failure = response.Failures?.FirstOrDefault();
            var reason = failure is null || failure.Reason == EcsApi.MissingReason ? GapReason.NotFound : GapReason.InvalidRequest;
            var said = failure?.Reason is { } r && r != EcsApi.MissingReason ? $" ({r}{(failure.Detail is null ? string.Empty : ": " + failure.Detail)})" : string.Empty;
            return EvidenceResult<EcsTask>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, reason, $"task {taskId} not found in cluster {location}{said}"));
        }, cancellationToken);
    }
}
