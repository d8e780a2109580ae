using Amazon;
using Amazon.SecurityToken;
using DiagBot.Diagnostics.Aws.Configuration;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>The STS client roles are assumed with: the base credentials, the regional (or configured) endpoint.</summary>
internal static class StsClientFactory
{
    public static AmazonSecurityTokenServiceClient Create(AwsOptions options, BaseCredentials baseCredentials, string region)
    {
        var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = 2, Timeout = options.CallTimeout, IgnoreConfiguredEndpointUrls = true };
        var endpoint = options.Endpoints.TryGetValue(AwsService.Sts.Key, out var perService) ? perService : options.EndpointUrl;
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        return new AmazonSecurityTokenServiceClient(new BaseCredentialsAdapter(baseCredentials), config);
    }

    private sealed class BaseCredentialsAdapter(BaseCredentials baseCredentials) : Amazon.Runtime.AWSCredentials
    {
        public override Amazon.Runtime.ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

        public override Task<Amazon.Runtime.ImmutableCredentials> GetCredentialsAsync() => baseCredentials.GetAsync(CancellationToken.None);
    }
}
