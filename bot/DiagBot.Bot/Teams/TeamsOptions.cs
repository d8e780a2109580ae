namespace DiagBot.Bot.Teams;

/// <summary>
/// `DiagBot:Teams:*`. Teams is on when the app id is set; then the bot needs a password or a certificate to
/// get its outbound token. The endpoints default to the public Bot Framework and Entra ones.
/// </summary>
internal sealed record TeamsOptions
{
    public const string Section = "DiagBot:Teams";

    public static readonly Uri DefaultOpenIdMetadataUrl = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Multi-tenant bots get their token from the botframework.com tenant; single-tenant bots from their own.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    public const string TokenPathSuffix = "/oauth2/v2.0/token";

    public static TeamsOptions Off { get; } = new();

    public string? AppId { get; init; }

    public string? AppPassword { get; init; }

    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>When set, activities from any other tenant are answered 403.</summary>
    public string? TenantId { get; init; }

    /// <summary>When set, only activities in these teams (channelData.team.id), or in AllowedConversations.</summary>
    public IReadOnlyList<string> AllowedTeams { get; init; } = [];

    /// <summary>When set, only activities in these conversations (conversation.id).</summary>
    public IReadOnlyList<string> AllowedConversations { get; init; } = [];

    /// <summary>When set, only these users (from.aadObjectId or from.id).</summary>
    public IReadOnlyList<string> AllowedUsers { get; init; } = [];

    public Uri OpenIdMetadataUrl { get; init; } = DefaultOpenIdMetadataUrl;

    /// <summary>The Entra v2 token endpoint, `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`.</summary>
    public Uri TokenEndpoint { get; init; } = DefaultTokenEndpoint(null);

    /// <summary>Where incident auto-posts go (issue 9): a Teams channel id such as 19:...@thread.tacv2.</summary>
    public string? IncidentConversation { get; init; }

    /// <summary>How long one outbound call may take, retries included.</summary>
    public TimeSpan SendBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay after a 429 or 5xx from the connector; later ones grow with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxRetries { get; init; } = 4;

    public bool Enabled => AppId is not null;

    /// <summary>MSAL's authority: the token endpoint without its `/oauth2/v2.0/token` path.</summary>
    public Uri Authority => new(TokenEndpoint.AbsoluteUri[..^TokenPathSuffix.Length]);

    public static Uri DefaultTokenEndpoint(string? tenantId) =>
        new($"https://login.microsoftonline.com/{tenantId ?? MultiTenantAuthorityTenant}{TokenPathSuffix}");
}
