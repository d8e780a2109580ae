using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>Sends a message to a reply target: the response_url, or chat.postMessage into the channel or thread.</summary>
internal sealed class SlackReplier(SlackWebApiClient api, ISlackChannelPoster poster)
{
    public async Task<SlackPostedMessage?> SendAsync(SlackReplyTarget target, SlackMessage message, CancellationToken cancellationToken)
    {
        if (target.ResponseUrl is not null)
        {
            var payload = message.ToJson();
            payload["response_type"] = target.InChannel ? "in_channel" : "ephemeral";
            payload["replace_original"] = false;
            await api.PostToResponseUrlAsync(target.ResponseUrl, payload, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var channel = target.Channel ?? throw new InvalidOperationException("A reply target has a response_url or a channel.");
        return await poster.PostAsync(channel, message, target.ThreadTs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The immediate answer to a slash command, in the HTTP response or a Socket Mode acknowledgement.</summary>
    public static JsonObject Ephemeral(SlackMessage message)
    {
        var json = message.ToJson();
        json["response_type"] = "ephemeral";
        return json;
    }
}
