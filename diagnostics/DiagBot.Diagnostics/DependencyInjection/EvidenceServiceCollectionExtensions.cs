using Amazon.Runtime;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.RateLimits;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Kubernetes.Configuration;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Kubernetes.Live;
using DiagBot.Diagnostics.Network.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiagBot.Diagnostics;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEvidenceSessionFactory"/> over the live clients configured by <c>DiagBot:Aws</c> and
    /// <c>DiagBot:Kubernetes</c>. Throws at start-up when the configuration is invalid, naming the setting. Without
    /// <paramref name="credentialsOverride"/> the AWS SDK's default credentials chain is used.
    /// </summary>
    public static IServiceCollection AddDiagBotEvidence(this IServiceCollection services, IConfiguration configuration, AWSCredentials? credentialsOverride = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var (aws, kubernetes) = EvidenceOptionsLoader.Load(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(AwsHttpTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(aws);
        services.AddSingleton(kubernetes);
        services.AddSingleton<AwsLocations>();
        services.AddSingleton<AwsEndpointResolver>();
        services.AddSingleton(new BaseCredentials(credentialsOverride));
        services.AddSingleton<IAwsCredentialSource>(sp => AwsCredentialSourceFactory.Create(
            aws, sp.GetRequiredService<BaseCredentials>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AwsResilience>();
        services.AddSingleton<AwsRateLimiter>();
        services.AddSingleton<InFlightReads>();
        services.AddSingleton<AwsCallGuard>();
        services.AddSingleton<AwsHttpTransport>();
        services.AddSingleton<AwsJsonClient>();
        services.AddSingleton<AwsQueryClient>();
        services.AddSingleton<AwsRestJsonClient>();
        services.AddSingleton<Ec2ClientFactory>();
        services.AddSingleton<EksClusterDiscovery>();
        services.AddSingleton<KubernetesClientFactory>();
        services.AddSingleton<IKubernetesEventWatch, KubernetesEventWatch>();
        services.AddSingleton<LiveClients>();
        services.AddSingleton<IEvidenceSessionFactory, EvidenceSessionFactory>();
        return services;
    }
}
