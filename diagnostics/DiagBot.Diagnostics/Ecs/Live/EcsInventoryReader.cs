using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Ecs.Wire;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>ListTasks, DescribeServices and DescribeContainerInstances: what surrounds a task.</summary>
internal sealed class EcsInventoryReader(AwsJsonClient json, EvidenceScope scope, AwsLocations locations)
{
    public Task<EvidenceResult<IReadOnlyList<string>>> ListTasksAsync(EcsTaskListQuery query, CancellationToken cancellationToken)
    {
        var operation = EcsApi.ListTasks;
        var target = TargetOf(query.Cluster);
        // A cluster named or given by ARN is one cluster: the target carries the ARN's account and region.
        var key = $"ecs:{operation.Name}:{target}:{EcsApi.ClusterName(query.Cluster)}:{query.ServiceName}:{query.Family}:{query.DesiredStatus}:{query.StartedBy}:{query.MaxTasks}:{query.PageSize}";
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, async () =>
        {
            var arns = new List<string>();
            string? token = null;
            for (var page = 0; page < EcsApi.MaxPages && arns.Count < query.MaxTasks; page++)
            {
                var request = new ListTasksRequest(query.Cluster, query.ServiceName, query.Family, query.DesiredStatus,
                    Math.Clamp(Math.Min(query.MaxTasks - arns.Count, query.PageSize ?? int.MaxValue), 1, EcsApi.MaxListResults), token, query.StartedBy);
                var result = await json.CallAsync<ListTasksRequest, ListTasksResponse>(operation, EcsApi.TargetPrefix, target, request, scope.Budget, CancellationToken.None)
                    .ConfigureAwait(false);
                if (result.Value is not { } response)
                {
                    return EvidenceResult<IReadOnlyList<string>>.Missing(result.Gap!);
                }

                arns.AddRange(response.TaskArns ?? []);
                token = response.NextToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }

            return EvidenceResult<IReadOnlyList<string>>.Found(arns.Take(query.MaxTasks).ToList());
        }, cancellationToken);
    }

    public Task<EvidenceResult<EcsService>> DescribeServiceAsync(string cluster, string serviceName, CancellationToken cancellationToken)
    {
        var operation = EcsApi.DescribeServices;
        var target = TargetOf(cluster);
        return scope.GetOrLoadAsync($"ecs:{operation.Name}:{target}:{EcsApi.ClusterName(cluster)}:{serviceName}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await json.CallAsync<DescribeServicesRequest, DescribeServicesResponse>(
                operation, EcsApi.TargetPrefix, target, new DescribeServicesRequest(cluster, [serviceName]), scope.Budget, CancellationToken.None).ConfigureAwait(false);
            if (result.Value is not { } response)
            {
                return EvidenceResult<EcsService>.Missing(result.Gap!);
            }

            var found = response.Services?.FirstOrDefault(s => s.ServiceName == serviceName || s.ServiceArn == serviceName);
            return found is not null
                ? EvidenceResult<EcsService>.Found(EcsServiceWireMapper.ToModel(found))
                : EvidenceResult<EcsService>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.NotFound,
                    $"service {serviceName} not found in cluster {EcsApi.ClusterName(cluster)} ({target}){FailureText(response.Failures)}"));
        }, cancellationToken);
    }

    public Task<EvidenceResult<IReadOnlyList<EcsContainerInstance>>> DescribeContainerInstancesAsync(
        string cluster, IReadOnlyList<string> containerInstanceArns, CancellationToken cancellationToken)
    {
        var operation = EcsApi.DescribeContainerInstances;
        if (containerInstanceArns.Count == 0)
        {
            return Task.FromResult(EvidenceResult<IReadOnlyList<EcsContainerInstance>>.Found([]));
        }

        var target = TargetOf(Arn.TryParse(cluster, out _) ? cluster : containerInstanceArns[0]);
        var key = $"ecs:{operation.Name}:{target}:{cluster}:{string.Join(",", containerInstanceArns)}";
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, async () =>
        {
            var result = await json.CallAsync<DescribeContainerInstancesRequest, DescribeContainerInstancesResponse>(
                operation, EcsApi.TargetPrefix, target, new DescribeContainerInstancesRequest(cluster, containerInstanceArns), scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            return result.Value is { } response
                ? EvidenceResult<IReadOnlyList<EcsContainerInstance>>.Found([.. (response.ContainerInstances ?? []).Select(EcsServiceWireMapper.ToModel)])
                : EvidenceResult<IReadOnlyList<EcsContainerInstance>>.Missing(result.Gap!);
        }, cancellationToken);
    }

    private AwsTarget TargetOf(string clusterOrArn) => Arn.TryParse(clusterOrArn, out var arn) ? locations.ForArn(arn) : locations.Default;

    private static string FailureText(IReadOnlyList<FailureWire>? failures) =>
        failures?.FirstOrDefault() is { Reason: { } reason } ? $" ({reason})" : string.Empty;
}
