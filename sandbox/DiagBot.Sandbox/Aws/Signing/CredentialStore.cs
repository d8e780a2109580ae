using System.Collections.Concurrent;

namespace DiagBot.Sandbox.Aws.Signing;

internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, SandboxCredential> _credentials = new(StringComparer.Ordinal);

    public CredentialStore(SandboxOptions options)
    {
        Add(new SandboxCredential(options.AccessKeyId, options.SecretAccessKey, options.AccountId, $"arn:aws:iam::{options.AccountId}:user/sandbox"));
    }

    public void Add(SandboxCredential credential) => _credentials[credential.AccessKeyId] = credential;

    public SandboxCredential? Find(string accessKeyId) => _credentials.GetValueOrDefault(accessKeyId);
}
