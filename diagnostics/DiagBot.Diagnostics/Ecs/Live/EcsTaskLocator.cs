using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>Finds a bare task id: every configured cluster is asked at once; one match wins, two are ambiguous.</summary>
internal sealed class EcsTaskLocator(EcsClient ecs, AwsLocations locations)
{
    public async Task<EvidenceResult<EcsTask>> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        var operation = EcsApi.DescribeTasks;
        if (locations.Clusters.Count == 0)
        {
            return Missing(GapReason.InvalidRequest,
                $"task {taskId} is a bare id and no clusters are configured to search: give the full task ARN, or list clusters in {AwsOptions.SectionName}:Accounts:0:Clusters");
        }

        var searches = locations.Clusters.Select(c => ecs.DescribeInClusterAsync(c, taskId, cancellationToken)).ToList();
        var results = await Task.WhenAll(searches).ConfigureAwait(false);
        var found = results.Where(r => r.HasValue).Select(r => r.Value!).DistinctBy(t => t.TaskArn).ToList();
        if (found.Count == 1)
        {
            return EvidenceResult<EcsTask>.Found(found[0]);
        }

        if (found.Count > 1)
        {
            return Missing(GapReason.InvalidRequest,
                $"task {taskId} exists in more than one cluster: {string.Join(", ", found.Select(t => t.TaskArn))}; give the full task ARN");
        }

        var searched = string.Join(", ", locations.Clusters);
        var blocking = results.Select(r => r.Gap!).FirstOrDefault(g => g.Reason != GapReason.NotFound);
        return blocking is null
            ? Missing(GapReason.NotFound, $"task {taskId} not found in the configured clusters: {searched}")
            : Missing(blocking.Reason, $"task {taskId} not found, and not every cluster could be searched ({searched}): {blocking.Detail}");

        EvidenceResult<EcsTask> Missing(GapReason reason, string detail) =>
            EvidenceResult<EcsTask>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, reason, detail));
    }
}
