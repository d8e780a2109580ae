using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Slack;

/// <summary>Builders for the few Block Kit blocks DiagBot sends, each within its limits. Mrkdwn comes in as <see cref="SlackMrkdwn"/>; plain text is cleaned here.</summary>
internal static class BlockKit
{
    public static JsonObject Header(string plainText) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(SlackText.Truncate(OutgoingText.Plain(plainText), BlockKitLimits.MaxHeaderText)),
    };

    public static JsonObject Section(SlackMrkdwn mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn.Truncate(BlockKitLimits.MaxSectionText).Value },
    };

    public static JsonObject Context(IEnumerable<SlackMrkdwn> mrkdwnElements)
    {
        var elements = new JsonArray();
        foreach (var text in mrkdwnElements.Take(BlockKitLimits.MaxContextElements))
        {
            elements.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = text.Truncate(BlockKitLimits.MaxSectionText).Value });
        }

        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(IEnumerable<JsonObject> buttons) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray([.. buttons]),
    };

    public static JsonObject Button(string text, string actionId, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(SlackText.Truncate(OutgoingText.Plain(text), BlockKitLimits.MaxButtonText)),
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
