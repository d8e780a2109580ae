namespace DiagBot.Bot.Slack;

/// <summary>
/// Posting into a channel with the bot token: a new message or a thread reply, and updating it later.
/// The incident auto-post (issue 9) posts one message per incident and threads the rest under it.
/// </summary>
internal interface ISlackChannelPoster
{
    Task<SlackPostedMessage> PostAsync(string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default);

    Task UpdateAsync(SlackPostedMessage posted, SlackMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Where a posted message lives: its channel and its `ts`, which also names its thread.</summary>
internal sealed record SlackPostedMessage(string Channel, string Ts);
