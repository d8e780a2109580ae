using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>
/// The bot's own identity: the credentials it was given, or AWSSDK.Core's default chain (environment, profile,
/// SSO, container, IMDS, web identity), resolved on first use so start-up does not wait on IMDS.
/// </summary>
internal sealed class BaseCredentials(AWSCredentials? given)
{
    private readonly Lock _gate = new();
    private Task<AWSCredentials>? _resolving = given is null ? null : Task.FromResult(given);

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        Task<AWSCredentials> resolving;
        lock (_gate)
        {
            _resolving ??= Task.Run(() => new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null!, CancellationToken.None), CancellationToken.None);
            resolving = _resolving;
        }

        try
        {
            var credentials = await resolving.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException)
        {
            // Not cached: the next diagnosis tries the chain again (a profile or role may have appeared).
            lock (_gate)
            {
                if (ReferenceEquals(_resolving, resolving) && given is null)
                {
                    _resolving = null;
                }
            }

            throw;
        }
    }
}
