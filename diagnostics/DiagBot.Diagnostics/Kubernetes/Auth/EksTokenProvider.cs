using System.Net.Http.Headers;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Http;
using k8s.Authentication;

namespace DiagBot.Diagnostics.Kubernetes.Auth;

/// <summary>Hands KubernetesClient an EKS token, made again before EKS's 15-minute acceptance runs out.</summary>
internal sealed class EksTokenProvider(
    IAwsCredentialSource credentials, AwsEndpointResolver endpoints, AwsTarget target, string clusterName, TimeProvider time) : ITokenProvider
{
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(10);

    private (string Token, DateTimeOffset MadeAt)? _current;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is not { } current || now - current.MadeAt > Reuse)
        {
            var identity = await credentials.GetAsync(target.AccountId, cancellationToken).ConfigureAwait(false);
            current = (EksToken.Create(identity, clusterName, target.Region, endpoints.Resolve(AwsService.Sts, target.Region), now), now);
            _current = current;
        }

        return new AuthenticationHeaderValue("Bearer", current.Token);
    }
}
