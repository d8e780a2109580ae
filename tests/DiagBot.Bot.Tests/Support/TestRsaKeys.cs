using System.Security.Cryptography;

namespace DiagBot.Bot.Tests.Support;

/// <summary>
/// The 2048-bit RSA keys the signing fakes hold (Teams' identity server, the OIDC provider, SNS). Generating one took
/// more CPU than starting the bot it signed for, and every fake made two or three; now each role's key is generated
/// once a run and shared. Roles stay distinct keys, so a forger's key still fails. One instance per role, never
/// disposed: Microsoft.IdentityModel caches a signer per key's material, so a second instance of the same key
/// would be signed with through the first one's cached signer.
/// </summary>
internal static class TestRsaKeys
{
    private static readonly Lazy<RSA>[] Keys = [.. Enum.GetValues<TestKeyRole>().Select(_ => new Lazy<RSA>(Generate))];

    /// <summary>The role's key, shared by every fake in that role for the whole run: do not dispose it.</summary>
    public static RSA For(TestKeyRole role) => Keys[(int)role].Value;

    private static RSA Generate()
    {
        var key = RSA.Create(2048);

        // RSA.Create(2048) generates on first use; export once so that happens here, not in two signers at once.
        key.ExportParameters(includePrivateParameters: false);
        return key;
    }
}
