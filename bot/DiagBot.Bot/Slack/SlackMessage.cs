using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>A message as Slack takes it: fallback text for notifications, and optional Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray? Blocks = null)
{
    public static SlackMessage Plain(string mrkdwn) => new(mrkdwn);

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
