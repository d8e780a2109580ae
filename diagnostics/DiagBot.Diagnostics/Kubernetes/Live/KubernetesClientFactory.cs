using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Kubernetes.Auth;
using DiagBot.Diagnostics.Kubernetes.Configuration;
using k8s;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>One KubernetesClient per configured cluster, built on first use; a cluster that cannot be configured says why.</summary>
internal sealed class KubernetesClientFactory(
    KubernetesOptions options, IAwsCredentialSource credentials, AwsEndpointResolver endpoints, AwsLocations locations, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<(IKubernetes? Client, string? Problem)>> _clients = new(StringComparer.Ordinal);

    public IReadOnlyList<string> ClusterNames { get; } = [.. options.Clusters.Select(c => c.Name!)];

    public (IKubernetes? Client, string? Problem) For(string cluster) =>
        _clients.GetOrAdd(cluster, name => new Lazy<(IKubernetes?, string?)>(() => Create(name))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            (client.Value.Client as IDisposable)?.Dispose();
        }
    }

    private (IKubernetes?, string?) Create(string name)
    {
        var cluster = options.Clusters.FirstOrDefault(c => c.Name == name);
        if (cluster is null)
        {
            return (null, $"cluster '{name}' is not configured: add it to {KubernetesOptions.SectionName}:Clusters (configured: {string.Join(", ", ClusterNames)})");
        }

        try
        {
            return (new k8s.Kubernetes(Configure(cluster)), null);
        }
#pragma warning disable CA1031 // A cluster we cannot configure becomes a gap naming the problem; the diagnosis goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, $"cluster '{name}' could not be configured: {ex.Message.Split('\n')[0]}");
        }
    }

    private KubernetesClientConfiguration Configure(KubernetesClusterOptions cluster)
    {
        if (cluster.InCluster)
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        if (cluster.Server is null)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.Kubeconfig, cluster.Context);
        }

        var configuration = new KubernetesClientConfiguration { Host = cluster.Server, SkipTlsVerify = cluster.SkipTlsVerify };
        if (cluster.CertificateAuthorityData is { } ca)
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
}
