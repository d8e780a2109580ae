namespace DiagBot.Bot.Slack;

/// <summary>
/// Who may ask: when `AllowedChannels` is set, only in those channels; when `AllowedUserGroups` is set, only
/// members of those user groups. Both empty: everyone in the workspace.
/// </summary>
internal sealed class SlackAccessPolicy(SlackOptions options, SlackUserGroupDirectory userGroups)
{
    public const string Refusal = "Sorry, DiagBot is not set up to answer here. Ask your DiagBot admin to add this channel or your user group to its allowlist.";

    public async Task<bool> AllowsAsync(string userId, string? channelId, CancellationToken cancellationToken)
    {
        if (options.AllowedChannels.Count > 0 && (channelId is null || !options.AllowedChannels.Contains(channelId, StringComparer.Ordinal)))
        {
            return false;
        }

        foreach (var group in options.AllowedUserGroups)
        {
            var members = await userGroups.MembersAsync(group, cancellationToken).ConfigureAwait(false);
            if (members.Contains(userId))
            {
                return true;
            }
        }

        return options.AllowedUserGroups.Count == 0;
    }
}
