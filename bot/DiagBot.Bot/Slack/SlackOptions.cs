namespace DiagBot.Bot.Slack;

/// <summary>
/// `DiagBot:Slack:*`. Slack is on when its secrets are set: the bot token to answer with, and the signing
/// secret (HTTP endpoints) or the app-level token (Socket Mode) to hear with.
/// </summary>
internal sealed record SlackOptions
{
    public const string Section = "DiagBot:Slack";

    public static readonly Uri DefaultApiBaseUrl = new("https://slack.com/api/");

    public static SlackOptions Off { get; } = new();

    public string? SigningSecret { get; init; }

    public string? BotToken { get; init; }

    public string? AppToken { get; init; }

    public Uri ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    /// <summary>Where incident auto-posts go (issue 9); a channel id such as C0123456789.</summary>
    public string? IncidentChannel { get; init; }

    public IReadOnlyList<string> AllowedChannels { get; init; } = [];

    public IReadOnlyList<string> AllowedUserGroups { get; init; } = [];

    /// <summary>The installing workspace (T...); when set, requests from any other workspace are refused.</summary>
    public string? TeamId { get; init; }

    /// <summary>Answer Slack Connect users of other organisations too (off by default).</summary>
    public bool AllowExternalUsers { get; init; }

    public bool Enabled => BotToken is not null;

    public bool HttpEndpointsEnabled => Enabled && SigningSecret is not null;

    public bool SocketModeEnabled => Enabled && AppToken is not null;
}
