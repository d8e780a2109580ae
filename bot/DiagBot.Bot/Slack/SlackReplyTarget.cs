namespace DiagBot.Bot.Slack;

/// <summary>
/// Where an answer goes: a `response_url` (only the asker sees it, unless shared with the channel), or a
/// channel through chat.postMessage, in a thread when ThreadTs is set.
/// </summary>
internal sealed record SlackReplyTarget(Uri? ResponseUrl, string? Channel, string? ThreadTs, bool InChannel)
{
    public static SlackReplyTarget Response(Uri responseUrl, bool inChannel = false) => new(responseUrl, null, null, inChannel);

    public static SlackReplyTarget Thread(string channel, string threadTs) => new(null, channel, threadTs, true);

    public static SlackReplyTarget ChannelMessage(string channel) => new(null, channel, null, true);
}
