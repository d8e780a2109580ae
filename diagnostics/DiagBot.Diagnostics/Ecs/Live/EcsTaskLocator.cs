using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>
/// Finds a task whose reference names no cluster: a bare id in every configured cluster, an old-format ARN
/// (task/&lt;id&gt;, from before ECS put the cluster in task ARNs) in the clusters of the account and region it names.
/// Every candidate is asked at once; one match wins, two are ambiguous.
/// </summary>
internal sealed class EcsTaskLocator(EcsClient ecs, AwsLocations locations)
{
    public Task<EvidenceResult<EcsTask>> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        if (locations.Clusters.Count == 0)
        {
            return Task.FromResult(Missing(GapReason.InvalidRequest,
                $"task {taskId} is a bare id and no clusters are configured to search: give the full task ARN, or list clusters in {AwsOptions.SectionName}:Accounts:0:Clusters"));
        }

        return SearchAsync(taskId, locations.Clusters, cancellationToken);
    }

    /// <summary>
    /// The ARN says where: its account and region. The configured clusters there are searched; where none are
    /// configured (an account only named by the ARN), the clusters ListClusters finds there.
    /// </summary>
    public async Task<EvidenceResult<EcsTask>> FindOldArnAsync(EcsTaskRef task, CancellationToken cancellationToken)
    {
        var target = new AwsTarget(task.AccountId, task.Region!);
        IReadOnlyList<ClusterLocation> candidates = [.. locations.Clusters.Where(c => c.Target == target)];
        if (candidates.Count == 0)
        {
            var listed = await ecs.ListClusterArnsAsync(target, cancellationToken).ConfigureAwait(false);
            if (listed.Value is not { } clusters)
            {
                return Missing(listed.Gap!.Reason, $"task {task.Arn} names no cluster, and the clusters of {target} could not be listed: {listed.Gap.Detail}");
            }

            candidates = [.. clusters.Select(arn => new ClusterLocation(target, arn))];
        }

        return candidates.Count == 0
            ? Missing(GapReason.NotFound, $"task {task.Arn} names no cluster, and {target} has no ECS clusters")
            : await SearchAsync(task.TaskId, candidates, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EvidenceResult<EcsTask>> SearchAsync(string taskId, IReadOnlyList<ClusterLocation> candidates, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(candidates.Select(c => ecs.DescribeInClusterAsync(c, taskId, cancellationToken))).ConfigureAwait(false);
        var found = results.Where(r => r.HasValue).Select(r => r.Value!).DistinctBy(t => t.TaskArn).ToList();
        if (found.Count == 1)
        {
            return EvidenceResult<EcsTask>.Found(found[0]);
        }

        if (found.Count > 1)
        {
            return Missing(GapReason.InvalidRequest,
                $"task {taskId} exists in more than one cluster: {string.Join(", ", found.Select(t => $"{t.TaskArn} (cluster {t.ClusterName})"))}; give the cluster's task ARN");
        }

        var searched = string.Join(", ", candidates);
        var blocking = results.Select(r => r.Gap!).FirstOrDefault(g => g.Reason != GapReason.NotFound);
        return blocking is null
            ? Missing(GapReason.NotFound, $"task {taskId} not found in the configured clusters: {searched}")
            : Missing(blocking.Reason, $"task {taskId} not found, and not every cluster could be searched ({searched}): {blocking.Detail}");
    }

    private static EvidenceResult<EcsTask> Missing(GapReason reason, string detail) =>
        EvidenceResult<EcsTask>.Missing(new EvidenceGap(EcsApi.DescribeTasks.Service.Key, EcsApi.DescribeTasks.Name, reason, detail));
}
