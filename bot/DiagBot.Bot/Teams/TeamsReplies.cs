using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Teams;

/// <summary>Outgoing activities: a reply goes from the bot (the incoming recipient) to the sender, in the same conversation.</summary>
internal static class TeamsReplies
{
    public static JsonObject Typing(TeamsActivity incoming) => Activity(ActivityTypes.Typing, incoming);

    public static JsonObject Text(TeamsActivity incoming, TeamsMarkdown text)
    {
        var activity = Activity(ActivityTypes.Message, incoming);
        activity["text"] = text.Value;
        activity["textFormat"] = "markdown";
        return activity;
    }

    public static JsonObject Card(TeamsActivity incoming, JsonObject card, string summary)
    {
        var activity = Activity(ActivityTypes.Message, incoming);
        AddCard(activity, card, summary);
        return activity;
    }

    /// <summary>A card message with no incoming activity: proactive posts and updates.</summary>
    public static JsonObject CardMessage(JsonObject card, string summary)
    {
        var activity = new JsonObject { ["type"] = ActivityTypes.Message };
        AddCard(activity, card, summary);
        return activity;
    }

    private static void AddCard(JsonObject activity, JsonObject card, string summary)
    {
        // The fallback lives in the card (fallbackText) and summary, not in `text`: Teams splits a message that has
        // both text and an attachment into two, and the second has no id to update later.
        activity["summary"] = OutgoingText.Plain(summary);
        activity["attachments"] = new JsonArray(AdaptiveCardElements.Attachment(card));
    }

    private static JsonObject Activity(string type, TeamsActivity incoming)
    {
        var activity = new JsonObject { ["type"] = type };
        if (incoming.Recipient is { } bot)
        {
            activity["from"] = Account(bot);
        }

        if (incoming.From is { } user)
        {
            activity["recipient"] = Account(user);
        }

        if (incoming.Conversation?.Id is { } conversationId)
        {
            activity["conversation"] = new JsonObject { ["id"] = conversationId };
        }

        if (incoming.Id is not null)
        {
            activity["replyToId"] = incoming.Id;
        }

        return activity;
    }

    private static JsonObject Account(TeamsAccount account)
    {
        var node = new JsonObject { ["id"] = account.Id };
        if (account.Name is not null)
        {
            node["name"] = account.Name;
        }

        return node;
    }
}
