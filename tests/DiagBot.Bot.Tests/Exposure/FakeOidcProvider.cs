using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Support;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// An OpenID Connect provider on loopback (OpenID Connect Discovery 1.0 and Core 1.0, authorization code flow): its
/// discovery document, its keys, and a token endpoint that answers a code the test issued with an ID token carrying the
/// nonce the bot asked for. Codes can be issued with a wrong issuer, audience or key to forge a sign-in.
/// </summary>
internal sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "diagbot-webchat";
    public const string ClientSecret = "provider-secret";
    private const string KeyId = "oidc-test-key";

    private readonly RSA _key = TestRsaKeys.For(TestKeyRole.OidcProvider);
    private readonly RSA _stranger = TestRsaKeys.For(TestKeyRole.OidcStranger);
    private readonly ConcurrentDictionary<string, Func<string>> _codes = new(StringComparer.Ordinal);
    private LoopbackHost? _server;

    public string Issuer => _server!.BaseAddress.AbsoluteUri.TrimEnd('/');

    public int TokenRequests { get; private set; }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var fake = new FakeOidcProvider();
        fake._server = await LoopbackHost.StartAsync(fake.Map);
        return fake;
    }

    public string[] Settings(params string[] more) =>
    [
        "--DiagBot:WebChat:Enabled=true",
        "--DiagBot:WebChat:Auth=oidc",
        "--DiagBot:WebChat:Oidc:Authority=" + Issuer,
        "--DiagBot:WebChat:Oidc:ClientId=" + ClientId,
        "--DiagBot:WebChat:Oidc:ClientSecret=" + ClientSecret,
        .. more,
    ];

    /// <summary>A code whose ID token names this user; the token is built when the bot redeems the code.</summary>
    public string IssueCode(string nonce, string email, string? issuer = null, string? audience = null, bool foreignKey = false, bool expired = false, string? tokenNonce = null)
    {
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = () => IdToken(tokenNonce ?? nonce, email, issuer ?? Issuer, audience ?? ClientId, foreignKey ? _stranger : _key, expired);
        return code;
    }

    private string IdToken(string nonce, string email, string issuer, string audience, RSA key, bool expired)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(expired ? -30 : 0);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "user-" + email, ["email"] = email, ["nonce"] = nonce },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/jwks", () =>
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            var jwk = new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId, ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent) };
            return Results.Text(new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString(), "application/json");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            TokenRequests++;
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var token))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 600, id_token = token() });
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
