namespace DiagBot.Bot.Teams;

/// <summary>
/// What the bot must remember to post into a conversation later without being spoken to: the connector's
/// serviceUrl, the conversation, the bot's own account, the tenant, and for a team channel its channel id.
/// </summary>
internal sealed record TeamsConversationReference
{
    public required string ServiceUrl { get; init; }

    /// <summary>The conversation id without a channel thread's ";messageid=..." suffix.</summary>
    public required string ConversationId { get; init; }

    public required string BotId { get; init; }

    public string? BotName { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Set for team channels: posting there starts a new thread through POST /v3/conversations.</summary>
    public string? ChannelId { get; init; }

    public string? TeamId { get; init; }

    public string? ConversationType { get; init; }

    public static TeamsConversationReference? From(TeamsActivity activity)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.Recipient?.Id is null)
        {
            return null;
        }

        var conversationId = activity.Conversation.Id;
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        var channelData = activity.ChannelData;
        var isChannel = string.Equals(activity.Conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) || channelData?.Team is not null;
        var baseConversation = thread >= 0 ? conversationId[..thread] : conversationId;
        return new TeamsConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ConversationId = baseConversation,
            BotId = activity.Recipient.Id,
            BotName = activity.Recipient.Name,
            TenantId = channelData?.Tenant?.Id ?? activity.Conversation.TenantId,
            ChannelId = isChannel ? channelData?.Channel?.Id ?? baseConversation : null,
            TeamId = channelData?.Team?.Id,
            ConversationType = activity.Conversation.ConversationType,
        };
    }
}
