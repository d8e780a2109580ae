using Amazon;
using DiagBot.Diagnostics.Aws.Configuration;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>Picks a service's endpoint: a per-service override, the one override for all, or the regional endpoint.</summary>
internal sealed class AwsEndpointResolver(AwsOptions options)
{
    public Uri Resolve(AwsService service, string region)
    {
        if (options.Endpoints.TryGetValue(service.Key, out var perService))
        {
            return new Uri(perService);
        }

        if (options.EndpointUrl is { } all)
        {
            return new Uri(all);
        }

        // The partition's DNS suffix (amazonaws.com, amazonaws.com.cn, ...) comes from AWSSDK.Core's region table.
        var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }
}
