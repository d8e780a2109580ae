namespace DiagBot.Bot.Slack;

/// <summary>
/// Slack Connect: a shared channel holds users of other organisations, and Slack delivers their mentions and button
/// clicks to our app. Slack's "Slack Connect: working with channels between organizations" says to expect users and
/// messages from other teams: the callback's `team_id` is the installing workspace while the event's `user_team`
/// (else `team`) is the user's own, `is_ext_shared_channel` marks such a channel, and an interaction's `user.team_id`
/// is the user's team against `team.id`. Unless `DiagBot:Slack:AllowExternalUsers` is true, a user whose team is not
/// the workspace is refused; when `DiagBot:Slack:TeamId` is set, the workspace must be that one too.
/// </summary>
internal static class SlackWorkspaceCheck
{
    public const string Refusal = "Sorry, DiagBot answers only members of the workspace it is installed in.";

    /// <summary>Null when the user may ask; else why not, for the log.</summary>
    public static string? RefusalOf(SlackOptions options, string? userTeam, string? workspace)
    {
        if (options.AllowExternalUsers)
        {
            return null;
        }

        if (options.TeamId is { } configured && (workspace ?? userTeam) is { } seen && seen != configured)
        {
            return $"workspace {seen} is not {SlackOptions.Section}:TeamId";
        }

        var home = options.TeamId ?? workspace;
        return userTeam is not null && home is not null && userTeam != home
            ? $"the user's team {userTeam} is not the workspace {home} (Slack Connect); set {SlackOptions.Section}:AllowExternalUsers to answer them"
            : null;
    }

    /// <summary>
    /// A response_url is where the answer goes: only Slack's own hooks host (and the configured API host, for tests), so a
    /// forged or altered URL cannot make the bot post a diagnosis elsewhere.
    /// </summary>
    public static bool IsSlackResponseUrl(Uri url, SlackOptions options) =>
        (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && url.Host == "hooks.slack.com")
        || (url.Scheme == options.ApiBaseUrl.Scheme && url.Authority == options.ApiBaseUrl.Authority);
}
