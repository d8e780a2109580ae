namespace DiagBot.Sandbox.Aws;

/// <summary>
/// The simulated services of every account, each found by its SigV4 signing name; an account the sandbox does not
/// simulate (a role assumed into any other id) sees the sandbox's own account, as before accounts were separate.
/// </summary>
internal sealed class AccountServices(IReadOnlyDictionary<string, IReadOnlyList<IAwsService>> byAccount, string ownAccount)
{
    public IAwsService? Find(string? accountId, string? signingName) =>
        (accountId is not null && byAccount.TryGetValue(accountId, out var services) ? services : byAccount[ownAccount])
            .FirstOrDefault(s => s.SigningName == signingName);
}
