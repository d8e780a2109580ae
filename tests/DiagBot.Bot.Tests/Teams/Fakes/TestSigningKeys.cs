using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>RSA keys for test tokens: the published one (with its endorsements) and ones the bot must not trust.</summary>
internal sealed class TestSigningKeys
{
    public const string PublishedKeyId = "test-key-1";

    private readonly RSA _published = TestRsaKeys.For(TestKeyRole.TeamsPublished);
    private readonly RSA _stranger = TestRsaKeys.For(TestKeyRole.TeamsStranger);
    private readonly RSA _second = TestRsaKeys.For(TestKeyRole.TeamsSecond);
    private bool _secondPublished;

    public string[] Endorsements { get; set; } = ["msteams", "webchat"];

    public RsaSecurityKey Published => new(_published) { KeyId = PublishedKeyId };

    /// <summary>Another key claiming the published key's id: a forged signature.</summary>
    public RsaSecurityKey Forger => new(_stranger) { KeyId = PublishedKeyId };

    /// <summary>A new key the Bot Framework starts publishing later (key rollover).</summary>
    public RsaSecurityKey Second => new(_second) { KeyId = "test-key-2" };

    public void PublishSecondKey() => _secondPublished = true;

    /// <summary>A key whose id the metadata never lists.</summary>
    public RsaSecurityKey Unknown => new(_stranger) { KeyId = "never-published" };

    public JsonObject Jwks()
    {
        var keys = new JsonArray(Jwk(_published, PublishedKeyId));
        if (_secondPublished)
        {
            keys.Add(Jwk(_second, Second.KeyId));
        }

        return new JsonObject { ["keys"] = keys };
    }

    private JsonObject Jwk(RSA key, string keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(value => (JsonNode)value)]),
        };
    }

    public static string Token(SecurityKey key, string issuer, string audience, string serviceUrl, DateTimeOffset expires)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddHours(-1).UtcDateTime,
            IssuedAt = expires.AddHours(-1).UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
