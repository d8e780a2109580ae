namespace DiagBot.Sandbox.Aws.Signing;

/// <summary>A key the sandbox accepts; temporary ones (from STS) also need their session token and name the role they act as.</summary>
internal sealed record SandboxCredential(string AccessKeyId, string SecretAccessKey, string AccountId, string PrincipalArn, string? SessionToken = null);
