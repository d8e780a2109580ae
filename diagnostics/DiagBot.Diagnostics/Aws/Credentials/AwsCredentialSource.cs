using Amazon.Runtime;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>Base credentials for every account, unless the account is configured with a role to assume.</summary>
internal sealed class AwsCredentialSource(BaseCredentials baseCredentials, IReadOnlyDictionary<string, AWSCredentials> assumedRoles) : IAwsCredentialSource
{
    public async Task<ImmutableCredentials> GetAsync(string? accountId, CancellationToken cancellationToken)
    {
        if (accountId is not null && assumedRoles.TryGetValue(accountId, out var role))
        {
            return await role.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await baseCredentials.GetAsync(cancellationToken).ConfigureAwait(false);
    }
}
