namespace DiagBot.Bot.WebChat.Access;

/// <summary>How the web chat signs people in: nobody (sandbox only), OpenID Connect in the bot, or the ALB's `authenticate-oidc` action.</summary>
internal enum WebChatAuth
{
    None,
    Oidc,
    AlbOidc,
}

/// <summary>
/// `DiagBot:WebChat:*`. `Enabled` defaults to true in sandbox mode and false in live mode; off, the page, its API
/// and the incident feed are not mapped (404). On in live mode, `Auth` must say who may use it.
/// </summary>
internal sealed record WebChatOptions
{
    public const string Section = "DiagBot:WebChat";

    public bool Enabled { get; init; }

    public WebChatAuth Auth { get; init; }

    /// <summary>`Oidc:Authority`, `Oidc:ClientId`, `Oidc:ClientSecret`: the provider the bot signs users in with.</summary>
    public OidcSettings? Oidc { get; init; }

    /// <summary>`Alb:LoadBalancerArn`: the only signer accepted; `Alb:PublicKeyEndpoint` overrides the regional key endpoint (tests only).</summary>
    public AlbSettings? Alb { get; init; }

    /// <summary>When set, only users with one of these `groups` claims (any auth).</summary>
    public IReadOnlyList<string> AllowedGroups { get; init; } = [];

    /// <summary>When set, only users with one of these `email` claims (any auth).</summary>
    public IReadOnlyList<string> AllowedEmails { get; init; } = [];

    public bool RequiresSignIn => Enabled && Auth != WebChatAuth.None;
}

internal sealed record OidcSettings(Uri Authority, string ClientId, string ClientSecret);

internal sealed record AlbSettings(string LoadBalancerArn, string Region, Uri PublicKeyEndpoint);
