using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Adaptive Card 1.5 building blocks. Every piece of text from a diagnosis goes into a TextRun inside a
/// RichTextBlock: TextRun does not interpret Markdown, so evidence such as log lines shows exactly as read,
/// cleaned on the way in (<see cref="OutgoingText.Plain"/>). The card's fallbackText is Markdown: <see cref="TeamsMarkdown"/>.
/// </summary>
internal static class AdaptiveCardElements
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public const string Version = "1.5";

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode> actions, TeamsMarkdown fallbackText) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = Schema,
        ["version"] = Version,
        ["fallbackText"] = fallbackText.Value,
        ["body"] = new JsonArray([.. body]),
        ["actions"] = new JsonArray([.. actions]),
        ["msteams"] = new JsonObject { ["width"] = "Full" },
    };

    public static JsonObject Attachment(JsonObject card) => new()
    {
        ["contentType"] = ContentType,
        // A card may be posted and then reused for an update; each activity gets its own copy.
        ["content"] = card.DeepClone(),
    };

    public static JsonObject Text(params JsonObject[] runs) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray([.. runs]),
    };

    public static JsonObject Heading(string text, string size = "Medium") => Text(Run(text, weight: "Bolder", size: size));

    public static JsonObject Run(string text, string? weight = null, string? size = null, string? color = null, bool subtle = false, bool monospace = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = OutgoingText.Plain(text) };
        if (weight is not null)
        {
            run["weight"] = weight;
        }

        if (size is not null)
        {
            run["size"] = size;
        }

        if (color is not null)
        {
            run["color"] = color;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        if (monospace)
        {
            run["fontType"] = "Monospace";
        }

        return run;
    }

    public static JsonObject Container(IEnumerable<JsonNode> items, bool separator = false) => new()
    {
        ["type"] = "Container",
        ["separator"] = separator,
        ["spacing"] = separator ? "Medium" : "Default",
        ["items"] = new JsonArray([.. items]),
    };
}
