using Amazon.Runtime;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>Lets an AWSSDK client (EC2, STS) sign with our credentials for one account (base or assumed role).</summary>
internal sealed class SourcedCredentials(IAwsCredentialSource source, string? accountId) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => source.GetAsync(accountId, CancellationToken.None);
}
