using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Configuration;

namespace DiagBot.Diagnostics.Aws.Credentials;

/// <summary>Builds the credential source from DiagBot:Aws:Accounts: one assumed role per account that names one.</summary>
internal static class AwsCredentialSourceFactory
{
    public static AwsCredentialSource Create(AwsOptions options, BaseCredentials baseCredentials, TimeProvider time)
    {
        var roles = new Dictionary<string, AWSCredentials>(StringComparer.Ordinal);
        foreach (var account in options.Accounts.Where(a => a.RoleArn is not null && a.AccountId is not null))
        {
            var region = options.Region ?? account.Regions[0];
            roles[account.AccountId!] = new AssumedRoleCredentials(StsClientFactory.Create(options, baseCredentials, region), account.RoleArn!, account.ExternalId, time);
        }

        return new AwsCredentialSource(baseCredentials, roles);
    }
}
