using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Checks the bearer JWT the Bot Connector sends with every activity, as "Authenticate requests from the Bot
/// Connector service" lists: issuer, audience (our app id), lifetime, a signature by a key from the Bot Framework's
/// OpenID metadata, that key's endorsement for the activity's channel, and the serviceUrl claim.
/// </summary>
internal sealed class BotFrameworkTokenValidator(
    TeamsOptions options,
    BotFrameworkMetadata metadata,
    TimeProvider time)
{
    public const string Issuer = "https://api.botframework.com";

    // The protocol names the claim serviceUrl; the Bot Framework SDKs read it as "serviceurl".
    private static readonly string[] ServiceUrlClaims = ["serviceurl", "serviceUrl"];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<TokenCheck> ValidateAsync(string? authorization, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Rejected("no bearer token");
        }

        var token = authorization[scheme.Length..].Trim();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            // The library wraps an unreachable or malformed metadata document in this; without keys nothing is trusted.
            return TokenCheck.Rejected($"the OpenID metadata could not be read: {exception.Message}");
        }

        var result = await ValidateSignedTokenAsync(token, configuration).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await metadata.RefreshAsync(cancellationToken).ConfigureAwait(false) is { } refreshed)
        {
            configuration = refreshed;
            result = await ValidateSignedTokenAsync(token, configuration).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return TokenCheck.Rejected(result.Exception?.GetType().Name ?? "invalid token");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!KeyEndorsements.Endorses(SigningKey(jwt, configuration), channelId))
        {
            return TokenCheck.Rejected($"the signing key is not endorsed for channel '{channelId}'");
        }

        var claimed = ServiceUrlClaims.Select(name => jwt.TryGetPayloadValue<string>(name, out var value) ? value : null).FirstOrDefault(value => value is not null);
        if (claimed is null || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Rejected("the serviceUrl claim does not match the activity");
        }

        return TokenCheck.Accepted;
    }

    private Task<TokenValidationResult> ValidateSignedTokenAsync(string token, OpenIdConnectConfiguration configuration)
    {
        var algorithms = configuration.IdTokenSigningAlgValuesSupported.Count > 0
            ? configuration.IdTokenSigningAlgValuesSupported
            : [SecurityAlgorithms.RsaSha256];
        return _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        });
    }

    // The library reads the wall clock; lifetime is checked against the injected clock instead, with the same skew.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } expiry && now <= expiry.ToUniversalTime() + ClockSkew
            && (notBefore is not { } start || now >= start.ToUniversalTime() - ClockSkew);
    }

    private static JsonWebKey? SigningKey(JsonWebToken jwt, OpenIdConnectConfiguration configuration) =>
        jwt.SigningKey as JsonWebKey
        ?? configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, jwt.Kid, StringComparison.Ordinal));
}

internal sealed record TokenCheck(bool IsValid, string? Reason)
{
    public static TokenCheck Accepted { get; } = new(true, null);

    public static TokenCheck Rejected(string reason) => new(false, reason);
}
