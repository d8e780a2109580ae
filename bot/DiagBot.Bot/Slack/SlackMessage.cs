using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>
/// A message as Slack takes it: fallback text for notifications, and optional Block Kit blocks. Its text is
/// <see cref="SlackMrkdwn"/> and its blocks come from <see cref="BlockKit"/>, which takes only that type, so
/// every message has been through the redact-and-escape path.
/// </summary>
internal sealed class SlackMessage
{
    private SlackMessage(SlackMrkdwn text, JsonArray? blocks)
    {
        Text = text.Value;
        Blocks = blocks;
    }

    public string Text { get; }

    public JsonArray? Blocks { get; }

    public static SlackMessage Plain(SlackMrkdwn text) => new(text, null);

    public static SlackMessage WithBlocks(SlackMrkdwn fallback, JsonArray blocks) => new(fallback, blocks);

    /// <summary>The message's fields, freshly built so the same message can go into several payloads.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["text"] = Text };
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        return json;
    }
}
