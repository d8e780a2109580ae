using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Ecs.Wire;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>
/// ListClusters, then ListServices in every cluster at once, then DescribeServices ten at a time: what finds the
/// service behind a target group or an ECS deployment id, which no ECS operation looks up directly.
/// </summary>
internal sealed class EcsServiceFinder(AwsJsonClient json, EvidenceScope scope, AwsLocations locations)
{
    // DescribeServices takes at most ten services a call; past the bound the search says it stopped short.
    private const int DescribeBatch = 10;
    private const int MaxServices = 300;

    public Task<EvidenceResult<EcsServiceSearch>> DescribeAllServicesAsync(AwsScope where, CancellationToken cancellationToken)
    {
        var target = locations.Resolve(where.AccountId, where.Region);
        var operation = EcsApi.ListServices;
        return scope.GetOrLoadAsync($"ecs:all-services:{target}", operation.Service.Key, operation.Name, async () =>
        {
            var (clusters, clusterGap, clustersTruncated) = await PagesAsync<ListClustersRequest, ListClustersResponse>(
                EcsApi.ListClusters, target, token => new ListClustersRequest(EcsApi.MaxListResults, token), r => (r.ClusterArns, r.NextToken)).ConfigureAwait(false);
            if (clusterGap is not null)
            {
                return EvidenceResult<EcsServiceSearch>.Missing(clusterGap);
            }

            var listed = await Task.WhenAll(clusters.Select(cluster => PagesAsync<ListServicesRequest, ListServicesResponse>(
                EcsApi.ListServices, target, token => new ListServicesRequest(cluster, EcsApi.MaxListResults, token), r => (r.ServiceArns, r.NextToken)))).ConfigureAwait(false);
            var gaps = listed.Select(l => l.Gap).OfType<EvidenceGap>().ToList();
            var wanted = clusters.Zip(listed, (cluster, l) => (cluster, l.Items)).SelectMany(c => c.Items.Select(arn => (c.cluster, arn))).ToList();
            var truncated = clustersTruncated || listed.Any(l => l.Truncated) || wanted.Count > MaxServices;

            var batches = wanted.Take(MaxServices).GroupBy(w => w.cluster).SelectMany(g => g.Select(w => w.arn).Chunk(DescribeBatch).Select(chunk => (Cluster: g.Key, Arns: chunk)));
            var described = await Task.WhenAll(batches.Select(b => json.CallAsync<DescribeServicesRequest, DescribeServicesResponse>(
                EcsApi.DescribeServices, EcsApi.TargetPrefix, target, new DescribeServicesRequest(b.Cluster, b.Arns), scope.Budget, CancellationToken.None))).ConfigureAwait(false);
            gaps.AddRange(described.Select(d => d.Gap).OfType<EvidenceGap>());
            var services = described.SelectMany(d => d.Value?.Services ?? []).Select(EcsServiceWireMapper.ToModel).ToList();
            return EvidenceResult<EcsServiceSearch>.Found(new EcsServiceSearch(clusters, services, truncated, gaps));
        }, cancellationToken);
    }

    private async Task<(IReadOnlyList<string> Items, EvidenceGap? Gap, bool Truncated)> PagesAsync<TRequest, TResponse>(
        AwsOperation operation, AwsTarget target, Func<string?, TRequest> request, Func<TResponse, (IReadOnlyList<string>? Items, string? Next)> read)
        where TResponse : class
    {
        var items = new List<string>();
        string? token = null;
        for (var page = 0; page < EcsApi.MaxPages; page++)
        {
            var result = await json.CallAsync<TRequest, TResponse>(operation, EcsApi.TargetPrefix, target, request(token), scope.Budget, CancellationToken.None).ConfigureAwait(false);
            if (result.Value is not { } response)
            {
                return (items, result.Gap, false);
            }

            (var pageItems, token) = read(response);
            items.AddRange(pageItems ?? []);
            if (string.IsNullOrEmpty(token))
            {
                return (items, null, false);
            }
        }

        return (items, null, true);
    }
}
