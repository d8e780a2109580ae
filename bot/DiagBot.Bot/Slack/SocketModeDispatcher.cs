using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>
/// One Socket Mode envelope: hands its payload to the same handler its HTTP twin uses and builds the
/// acknowledgement, `{"envelope_id": ...}`, with the ephemeral reply as its payload for a slash command.
/// </summary>
internal sealed class SocketModeDispatcher(SlackCommandHandler commands, SlackEventHandler events, SlackInteractionHandler interactions)
{
    public const string SlashCommands = "slash_commands";
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";

    public async Task<JsonObject?> HandleAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        var envelopeId = envelope.Text("envelope_id");
        if (envelopeId is null)
        {
            return null;
        }

        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        var payload = envelope.Child("payload");
        switch (envelope.Text("type"))
        {
            case SlashCommands when SlashCommand.FromJson(payload) is { } command:
                var reply = await commands.HandleAsync(command, cancellationToken).ConfigureAwait(false);
                ack["payload"] = SlackReplier.Ephemeral(reply);
                break;
            case EventsApi when payload.Text("type") == "event_callback":
                var retry = envelope.Child("retry_attempt").ValueKind == JsonValueKind.Number ? envelope.Child("retry_attempt").GetInt32() : 0;
                await events.HandleAsync(payload, retry, cancellationToken).ConfigureAwait(false);
                break;
            case Interactive:
                await interactions.HandleAsync(payload, cancellationToken).ConfigureAwait(false);
                break;
        }

        return ack;
    }
}
