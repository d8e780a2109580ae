using System.Collections.Concurrent;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Eks.Live;
using DiagBot.Diagnostics.Eks.Wire;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// An EKS cluster's API endpoint and CA from eks:DescribeCluster, for clusters configured without a Server.
/// Found endpoints are kept for the process; a failure is tried again by the next diagnosis.
/// </summary>
internal sealed class EksClusterDiscovery(AwsRestJsonClient rest)
{
    private readonly ConcurrentDictionary<(AwsTarget, string), EksEndpoint> _found = new();

    public async Task<EvidenceResult<EksEndpoint>> DescribeAsync(AwsTarget target, string clusterName, DiagnosisBudget budget)
    {
        if (_found.TryGetValue((target, clusterName), out var known))
        {
            return EvidenceResult<EksEndpoint>.Found(known);
        }

        var operation = EksApi.DescribeCluster;
        var result = await rest.GetAsync<DescribeClusterResponse>(operation, target, $"clusters/{Uri.EscapeDataString(clusterName)}", budget, CancellationToken.None)
            .ConfigureAwait(false);
        if (result.Value?.Cluster is not { Endpoint: { } endpoint } cluster)
        {
            return EvidenceResult<EksEndpoint>.Missing(result.Gap
                ?? new EvidenceGap(operation.Service.Key, operation.Name, GapReason.NotFound, $"EKS cluster {clusterName} in {target} has no endpoint yet"));
        }

        var found = new EksEndpoint(endpoint, cluster.CertificateAuthority?.Data);
        _found[(target, clusterName)] = found;
        return EvidenceResult<EksEndpoint>.Found(found);
    }
}

internal sealed record EksEndpoint(string Server, string? CertificateAuthorityData);
