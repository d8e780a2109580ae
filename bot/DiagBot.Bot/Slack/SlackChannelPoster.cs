namespace DiagBot.Bot.Slack;

/// <summary>chat.postMessage and chat.update with the bot token.</summary>
internal sealed class SlackChannelPoster(SlackWebApiClient api, SlackOptions options) : ISlackChannelPoster
{
    public async Task<SlackPostedMessage> PostAsync(string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        var arguments = message.ToJson();
        arguments["channel"] = channel;
        arguments["unfurl_links"] = false;
        if (threadTs is not null)
        {
            arguments["thread_ts"] = threadTs;
        }

        var answer = await api.CallAsync("chat.postMessage", arguments, BotToken, cancellationToken).ConfigureAwait(false);
        return new SlackPostedMessage(answer.Text("channel") ?? channel, answer.Text("ts") ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer"));
    }

    public async Task UpdateAsync(SlackPostedMessage posted, SlackMessage message, CancellationToken cancellationToken = default)
    {
        var arguments = message.ToJson();
        arguments["channel"] = posted.Channel;
        arguments["ts"] = posted.Ts;
        await api.CallAsync("chat.update", arguments, BotToken, cancellationToken).ConfigureAwait(false);
    }

    private string BotToken => options.BotToken ?? throw new InvalidOperationException("Slack is off: no bot token.");
}
