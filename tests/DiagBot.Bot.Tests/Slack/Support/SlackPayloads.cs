using System.Text.Json.Nodes;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>
/// Payloads in the shapes Slack's reference documents: an Events API event_callback wrapping an app_mention,
/// and a block_actions interaction. Only the fields DiagBot reads vary; the rest are Slack's documented extras.
/// </summary>
internal static class SlackPayloads
{
    public const string Channel = "C0INCIDENT";
    public const string User = "U0ONCALL01";

    public static string AppMention(string eventId, string text, string ts, string? threadTs = null)
    {
        var slackEvent = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = User,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = Channel,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            slackEvent["thread_ts"] = threadTs;
        }

        return new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = "T0TEAM0001",
            ["api_app_id"] = "A0DIAGBOT1",
            ["event"] = slackEvent,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0TEAM0001", ["user_id"] = "U0DIAGBOT1", ["is_bot"] = true }),
        }.ToJsonString();
    }

    public static string BlockAction(string actionId, string value, Uri responseUrl, string? threadTs = null)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = "1700000000.000500", ["text"] = "Diagnosis" };
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = User, ["username"] = "oncall", ["team_id"] = "T0TEAM0001" },
            ["api_app_id"] = "A0DIAGBOT1",
            ["token"] = "deprecated",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000500", ["channel_id"] = Channel, ["is_ephemeral"] = threadTs is null },
            ["trigger_id"] = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
            ["team"] = new JsonObject { ["id"] = "T0TEAM0001", ["domain"] = "diagbot" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "incidents" },
            ["message"] = message,
            ["response_url"] = responseUrl.AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
                ["value"] = value,
                ["type"] = "button",
                ["action_ts"] = "1700000001.000001",
            }),
        }.ToJsonString();
    }

    public static string InteractionForm(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);
}
