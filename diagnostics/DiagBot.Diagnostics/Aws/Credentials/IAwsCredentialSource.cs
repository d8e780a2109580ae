using Amazon.Runtime;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>The credentials to sign a call to one account with: the base identity's, or an assumed role's.</summary>
internal interface IAwsCredentialSource
{
    Task<ImmutableCredentials> GetAsync(string? accountId, CancellationToken cancellationToken);
}
