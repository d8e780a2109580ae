using System.Globalization;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Eks.Wire;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Eks.Live;

/// <summary>IEksEvidence over the EKS REST-JSON API, for one diagnosis session.</summary>
internal sealed class EksClient(AwsRestJsonClient rest, EvidenceScope scope, AwsLocations locations) : IEksEvidence
{
    public Task<EvidenceResult<IReadOnlyList<FargateProfile>>> ListFargateProfilesAsync(string clusterName, AwsScope where, CancellationToken cancellationToken)
    {
        var operation = EksApi.ListFargateProfiles;
        var target = locations.Resolve(where.AccountId, where.Region);
        return scope.GetOrLoadAsync($"eks:{operation.Name}:{target}:{clusterName}", operation.Service.Key, operation.Name, async () =>
        {
            var names = new List<string>();
            string? token = null;
            for (var page = 0; page < EksApi.MaxPages; page++)
            {
                var query = $"?maxResults={EksApi.MaxResults.ToString(CultureInfo.InvariantCulture)}" + (token is null ? string.Empty : $"&nextToken={Uri.EscapeDataString(token)}");
                var listed = await rest.GetAsync<ListFargateProfilesResponse>(operation, target, EksApi.ProfilesPath(clusterName) + query, scope.Budget, CancellationToken.None)
                    .ConfigureAwait(false);
                if (listed.Value is not { } response)
                {
                    return EvidenceResult<IReadOnlyList<FargateProfile>>.Missing(listed.Gap!);
                }

                names.AddRange(response.FargateProfileNames ?? []);
                token = response.NextToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }

            var described = await Task.WhenAll(names.Select(n => DescribeAsync(target, clusterName, n))).ConfigureAwait(false);
            return described.FirstOrDefault(d => !d.HasValue) is { Gap: { } gap }
                ? EvidenceResult<IReadOnlyList<FargateProfile>>.Missing(gap)
                : EvidenceResult<IReadOnlyList<FargateProfile>>.Found([.. described.Select(d => d.Value!)]);
        }, cancellationToken);
    }

    public Task<EvidenceResult<EksCluster>> DescribeClusterAsync(string clusterName, AwsScope where, CancellationToken cancellationToken)
    {
        var operation = EksApi.DescribeCluster;
        var target = locations.Resolve(where.AccountId, where.Region);
        return scope.GetOrLoadAsync($"eks:{operation.Name}:{target}:{clusterName}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await rest.GetAsync<DescribeClusterResponse>(operation, target, $"clusters/{Uri.EscapeDataString(clusterName)}", scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            if (result.Value?.Cluster is not { } cluster)
            {
                return EvidenceResult<EksCluster>.Missing(result.Gap
                    ?? new EvidenceGap(operation.Service.Key, operation.Name, GapReason.NotFound, $"EKS cluster {clusterName} in {target} not described"));
            }

            var vpc = cluster.ResourcesVpcConfig;
            return EvidenceResult<EksCluster>.Found(new EksCluster
            {
                Name = cluster.Name ?? clusterName,
                Status = cluster.Status,
                Version = cluster.Version,
                VpcId = vpc?.VpcId,
                SubnetIds = vpc?.SubnetIds ?? [],
                ClusterSecurityGroupId = vpc?.ClusterSecurityGroupId,
                SecurityGroupIds = vpc?.SecurityGroupIds ?? [],
            });
        }, cancellationToken);
    }

    private async Task<EvidenceResult<FargateProfile>> DescribeAsync(AwsTarget target, string clusterName, string profileName)
    {
        var operation = EksApi.DescribeFargateProfile;
        var path = $"{EksApi.ProfilesPath(clusterName)}/{Uri.EscapeDataString(profileName)}";
        var result = await rest.GetAsync<DescribeFargateProfileResponse>(operation, target, path, scope.Budget, CancellationToken.None).ConfigureAwait(false);
        if (result.Value?.FargateProfile is not { } profile)
        {
            return EvidenceResult<FargateProfile>.Missing(result.Gap
                ?? new EvidenceGap(operation.Service.Key, operation.Name, GapReason.NotFound, $"Fargate profile {profileName} of {clusterName} not described"));
        }

        return EvidenceResult<FargateProfile>.Found(new FargateProfile(
            profile.FargateProfileName ?? profileName,
            profile.Status,
            profile.PodExecutionRoleArn,
            profile.Subnets ?? [],
            [.. (profile.Selectors ?? []).Select(s => new FargateSelector(s.Namespace ?? string.Empty, s.Labels ?? new Dictionary<string, string>()))]));
    }
}
