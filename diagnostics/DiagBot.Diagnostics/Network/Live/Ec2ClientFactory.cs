using System.Collections.Concurrent;
using Amazon;
using Amazon.EC2;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Credentials;

namespace DiagBot.Diagnostics.Network.Live;

/// <summary>One AWSSDK EC2 client per account and region, pointed at the configured endpoint when there is one.</summary>
internal sealed class Ec2ClientFactory(AwsOptions options, IAwsCredentialSource credentials) : IDisposable
{
    private readonly ConcurrentDictionary<AwsTarget, Lazy<AmazonEC2Client>> _clients = new();

    public IAmazonEC2 For(AwsTarget target) => _clients.GetOrAdd(target, t => new Lazy<AmazonEC2Client>(() => Create(t))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private AmazonEC2Client Create(AwsTarget target)
    {
        // Retries and timeouts are ours (AwsCallGuard), so the SDK makes exactly one attempt.
        var config = new AmazonEC2Config
        {
            MaxErrorRetry = 0,
            Timeout = options.CallTimeout,
            IgnoreConfiguredEndpointUrls = true,
        };
        var endpoint = options.Endpoints.TryGetValue(AwsService.Ec2.Key, out var perService) ? perService : options.EndpointUrl;
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region);
        }
        else
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = target.Region;
        }

        return new AmazonEC2Client(new SourcedCredentials(credentials, target.AccountId), config);
    }
}
