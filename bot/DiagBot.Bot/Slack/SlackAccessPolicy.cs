namespace DiagBot.Bot.Slack;

/// <summary>
/// Who may ask: when `AllowedChannels` is set, only in those channels; when `AllowedUserGroups` is set, only
/// members of those user groups. Both empty: everyone in the workspace. The channel is decided at once; membership
/// from the cache when it is fresh, otherwise in the background after Slack has its acknowledgement, failing closed.
/// </summary>
internal sealed class SlackAccessPolicy(SlackOptions options, SlackUserGroupDirectory userGroups)
{
    public const string Refusal = "Sorry, DiagBot is not set up to answer here. Ask your DiagBot admin to add this channel or your user group to its allowlist.";

    public const string CouldNotCheck = "DiagBot could not check your user group membership with Slack just now, so it did not run that. Try again in a minute.";

    public bool ChannelAllows(string? channelId) =>
        options.AllowedChannels.Count == 0 || (channelId is not null && options.AllowedChannels.Contains(channelId, StringComparer.Ordinal));

    /// <summary>The answer without calling Slack, or null when a user group's members must be read first.</summary>
    public SlackAccess? DecideNow(string userId, string? channelId)
    {
        if (!ChannelAllows(channelId))
        {
            return SlackAccess.Refused;
        }

        if (options.AllowedUserGroups.Count == 0)
        {
            return SlackAccess.Allowed;
        }

        var known = 0;
        foreach (var group in options.AllowedUserGroups)
        {
            if (userGroups.Cached(group) is { } members)
            {
                known++;
                if (members.Contains(userId))
                {
                    return SlackAccess.Allowed;
                }
            }
        }

        return known == options.AllowedUserGroups.Count ? SlackAccess.Refused : null;
    }

    /// <summary>Reads what the cache lacks; a lookup that fails or does not answer is <see cref="SlackAccess.Unknown"/>, never a yes.</summary>
    public async Task<SlackAccess> CheckAsync(string userId, string? channelId, CancellationToken cancellationToken)
    {
        if (DecideNow(userId, channelId) is { } decided)
        {
            return decided;
        }

        var unknown = false;
        foreach (var group in options.AllowedUserGroups)
        {
            var members = await userGroups.MembersAsync(group, cancellationToken).ConfigureAwait(false);
            if (members is null)
            {
                unknown = true;
            }
            else if (members.Contains(userId))
            {
                return SlackAccess.Allowed;
            }
        }

        return unknown ? SlackAccess.Unknown : SlackAccess.Refused;
    }

    public static SlackMessage Answer(SlackAccess access) =>
        SlackMessage.Plain(access == SlackAccess.Unknown ? SlackMrkdwn.Own(CouldNotCheck) : SlackMrkdwn.Own(Refusal));
}

internal enum SlackAccess
{
    Allowed,
    Refused,

    /// <summary>The membership could not be read: treated as refused, with a message saying so.</summary>
    Unknown,
}
