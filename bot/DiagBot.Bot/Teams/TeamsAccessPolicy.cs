namespace DiagBot.Bot.Teams;

/// <summary>
/// Who may talk to the bot once the Bot Framework token is valid: only the `msteams` channel (the same app id is
/// reachable from Web Chat, Direct Line and other channels), only the configured tenant when `TenantId` is set, and,
/// when set, only `AllowedTeams` (or `AllowedConversations` outside a team), `AllowedConversations`, `AllowedUsers`.
/// </summary>
internal static class TeamsAccessPolicy
{
    public const string TeamsChannel = "msteams";

    /// <summary>Null when the activity may be answered; else why not, for the log.</summary>
    public static string? RefusalOf(TeamsActivity activity, TeamsOptions options)
    {
        if (!string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal))
        {
            return $"channel '{activity.ChannelId}' is not {TeamsChannel}";
        }

        var tenant = TenantOf(activity);
        if (options.TenantId is { } ours && !string.Equals(tenant, ours, StringComparison.OrdinalIgnoreCase))
        {
            return $"tenant '{tenant}' is not {TeamsOptions.Section}:TenantId";
        }

        var conversation = activity.Conversation?.Id;
        var inListedConversation = conversation is not null && options.AllowedConversations.Contains(conversation, StringComparer.Ordinal);
        if (options.AllowedTeams.Count > 0 && !inListedConversation
            && (activity.ChannelData?.Team?.Id is not { } team || !options.AllowedTeams.Contains(team, StringComparer.Ordinal)))
        {
            return $"team '{activity.ChannelData?.Team?.Id}' is not in {TeamsOptions.Section}:AllowedTeams";
        }

        if (options.AllowedTeams.Count == 0 && options.AllowedConversations.Count > 0 && !inListedConversation)
        {
            return $"conversation '{conversation}' is not in {TeamsOptions.Section}:AllowedConversations";
        }

        var from = activity.From;
        if (options.AllowedUsers.Count > 0 && !new[] { from?.AadObjectId, from?.Id }.Any(id => id is not null && options.AllowedUsers.Contains(id, StringComparer.OrdinalIgnoreCase)))
        {
            return $"user '{from?.AadObjectId ?? from?.Id}' is not in {TeamsOptions.Section}:AllowedUsers";
        }

        return null;
    }

    /// <summary>Teams puts the tenant in channelData.tenant.id, and in conversation.tenantId for most activities.</summary>
    public static string? TenantOf(TeamsActivity activity) => activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;
}
