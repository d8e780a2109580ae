namespace DiagBot.Bot.Slack;

/// <summary>
/// chat.postMessage and chat.update with the bot token. An answer to someone waits out a 429 (Retry-After); the
/// incident outbox's poster (<paramref name="waitOnRateLimit"/> false) throws it instead, so the outbox schedules.
/// </summary>
internal sealed class SlackChannelPoster(SlackWebApiClient api, SlackOptions options, bool waitOnRateLimit = true) : ISlackChannelPoster
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

        var answer = await CallAsync("chat.postMessage", arguments, cancellationToken).ConfigureAwait(false);
        return new SlackPostedMessage(answer.Text("channel") ?? channel, answer.Text("ts") ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer"));
    }

    public async Task UpdateAsync(SlackPostedMessage posted, SlackMessage message, CancellationToken cancellationToken = default)
    {
        var arguments = message.ToJson();
        arguments["channel"] = posted.Channel;
        arguments["ts"] = posted.Ts;
        await CallAsync("chat.update", arguments, cancellationToken).ConfigureAwait(false);
    }

    private Task<System.Text.Json.JsonElement> CallAsync(string method, System.Text.Json.Nodes.JsonObject arguments, CancellationToken cancellationToken) =>
        waitOnRateLimit ? api.CallAsync(method, arguments, BotToken, cancellationToken) : api.CallOnceAsync(method, arguments, BotToken, cancellationToken);

    private string BotToken => options.BotToken ?? throw new InvalidOperationException("Slack is off: no bot token.");
}
