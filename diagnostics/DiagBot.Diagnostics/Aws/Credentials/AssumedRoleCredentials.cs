using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>
/// An account's role, assumed with STS from the base credentials and renewed before it expires. A failure is
/// raised as AmazonClientException naming the role, so the gap says which role could not be assumed.
/// </summary>
internal sealed class AssumedRoleCredentials(IAmazonSecurityTokenService sts, string roleArn, string? externalId, TimeProvider time) : AWSCredentials, IDisposable
{
    public static readonly TimeSpan SessionDuration = TimeSpan.FromHours(1);

    // Renewed this long before expiry, so a diagnosis never signs with credentials about to lapse.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (ImmutableCredentials Credentials, DateTimeOffset Expires)? _current;

    public string RoleArn => roleArn;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _renewing.WaitAsync().ConfigureAwait(false);
        try
        {
            return Fresh() ?? await AssumeAsync().ConfigureAwait(false);
        }
        finally
        {
            _renewing.Release();
        }
    }

    public void Dispose() => _renewing.Dispose();

    private ImmutableCredentials? Fresh() =>
        _current is { } current && current.Expires - RenewBefore > time.GetUtcNow() ? current.Credentials : null;

    private async Task<ImmutableCredentials> AssumeAsync()
    {
        try
        {
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = "diagbot",
                ExternalId = externalId,
                DurationSeconds = (int)SessionDuration.TotalSeconds,
            }).ConfigureAwait(false);
            var issued = response.Credentials;
            var credentials = new ImmutableCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
            var expires = issued.Expiration is { } expiration ? new DateTimeOffset(expiration.ToUniversalTime(), TimeSpan.Zero) : time.GetUtcNow() + SessionDuration;
            _current = (credentials, expires);
            return credentials;
        }
        catch (AmazonServiceException ex)
        {
            throw new AmazonClientException($"sts:AssumeRole on {roleArn} failed: {ex.ErrorCode}: {ex.Message}", ex);
        }
    }
}
