using System.Collections.Concurrent;
using System.Text;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Kubernetes.Auth;
using DiagBot.Diagnostics.Kubernetes.Configuration;
using k8s;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// One KubernetesClient per configured cluster, built on first use: from kubeconfig, in-cluster settings, or a server
/// (an EKS cluster's found with eks:DescribeCluster when not configured). A cluster that cannot be reached says why.
/// </summary>
internal sealed class KubernetesClientFactory(
    KubernetesOptions options, EksClusterDiscovery discovery, IAwsCredentialSource credentials, AwsEndpointResolver endpoints,
    AwsLocations locations, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, IKubernetes> _clients = new(StringComparer.Ordinal);

    public IReadOnlyList<string> ClusterNames { get; } = [.. options.Clusters.Select(c => c.Name!)];

    public async Task<EvidenceResult<IKubernetes>> ConnectAsync(string name, AwsOperation operation, DiagnosisBudget budget)
    {
        if (_clients.TryGetValue(name, out var ready))
        {
            return EvidenceResult<IKubernetes>.Found(ready);
        }

        if (options.Clusters.FirstOrDefault(c => c.Name == name) is not { } cluster)
        {
            return Problem(operation, $"cluster '{name}' is not configured: add it to {KubernetesOptions.SectionName}:Clusters (configured: {string.Join(", ", ClusterNames)})");
        }

        var server = cluster.Server is null ? null : new EksEndpoint(cluster.Server, cluster.CertificateAuthorityData);
        if (server is null && cluster.Eks is { } eks)
        {
            var found = await discovery.DescribeAsync(locations.Resolve(eks.AccountId, eks.Region), eks.ClusterName!, budget).ConfigureAwait(false);
            if (found.Value is null)
            {
                return EvidenceResult<IKubernetes>.Missing(found.Gap!);
            }

            server = found.Value;
        }

        try
        {
            var client = new k8s.Kubernetes(Configure(cluster, server));
            if (!_clients.TryAdd(name, client))
            {
                client.Dispose();
            }

            return EvidenceResult<IKubernetes>.Found(_clients[name]);
        }
#pragma warning disable CA1031 // A cluster we cannot configure becomes a gap naming the problem; the diagnosis goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Problem(operation, $"cluster '{name}' could not be configured: {ex.Message.Split('\n')[0]}");
        }
    }

    public KubeEksCluster? EksClusterOf(string name) =>
        options.Clusters.FirstOrDefault(c => c.Name == name)?.Eks is { ClusterName: { } clusterName } eks
            ? new KubeEksCluster(clusterName, new AwsScope(eks.AccountId, eks.Region))
            : null;

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private KubernetesClientConfiguration Configure(KubernetesClusterOptions cluster, EksEndpoint? server)
    {
        if (cluster.InCluster)
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        if (server is null)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.Kubeconfig, cluster.Context);
        }

        var configuration = new KubernetesClientConfiguration { Host = server.Server, SkipTlsVerify = cluster.SkipTlsVerify };
        if (server.CertificateAuthorityData is { } ca)
        {
            configuration.SslCaCerts = [];
            configuration.SslCaCerts.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(ca)));
        }

        if (cluster.Eks is { } eks)
        {
            var target = locations.Resolve(eks.AccountId, eks.Region);
            configuration.TokenProvider = new EksTokenProvider(credentials, endpoints, target, eks.ClusterName!, time);
        }

        return configuration;
    }

    private static EvidenceResult<IKubernetes> Problem(AwsOperation operation, string detail) =>
        EvidenceResult<IKubernetes>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.InvalidRequest, detail));
}
