using System.Text.Json;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The part of a Bot Framework activity DiagBot reads (Activity schema: type, id, serviceUrl, channelId, from,
/// recipient, conversation, text, replyToId, entities, value, name, channelData, membersAdded).
/// </summary>
internal sealed record TeamsActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public TeamsAccount? From { get; init; }

    public TeamsAccount? Recipient { get; init; }

    public TeamsConversation? Conversation { get; init; }

    public string? Text { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>For invoke activities: what is invoked, e.g. adaptiveCard/action.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<TeamsEntity>? Entities { get; init; }

    /// <summary>Card button data (Action.Submit / messageBack) or the invoke payload.</summary>
    public JsonElement? Value { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public IReadOnlyList<TeamsAccount>? MembersAdded { get; init; }
}

internal sealed record TeamsAccount(string? Id, string? Name = null, string? AadObjectId = null);

internal sealed record TeamsConversation(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null, string? Name = null);

internal sealed record TeamsEntity(string? Type, TeamsAccount? Mentioned = null, string? Text = null);

internal sealed record TeamsChannelData(TeamsChannelDataItem? Tenant = null, TeamsChannelDataItem? Team = null, TeamsChannelDataItem? Channel = null, string? EventType = null);

internal sealed record TeamsChannelDataItem(string? Id, string? Name = null);

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
