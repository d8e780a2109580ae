using DiagBot.Bot.Slack;

namespace DiagBot.Bot.Incidents;

/// <summary>`DiagBot:Slack:IncidentChannel`: one message per incident, updated in place, its thread for what follows.</summary>
internal sealed class SlackIncidentChannel(ISlackChannelPoster poster, string channel, int messagesPerSecond) : IIncidentChannel
{
    public string Name => "slack:" + channel;

    public int MessagesPerSecond => messagesPerSecond;

    public async Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        var posted = await poster.PostAsync(channel, SlackMessage.Plain(IncidentText.Body(view)), cancellationToken: cancellationToken).ConfigureAwait(false);
        return posted.Ts;
    }

    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) =>
        poster.UpdateAsync(new SlackPostedMessage(channel, messageId), SlackMessage.Plain(IncidentText.Body(view)), cancellationToken);

    public Task ReplyAsync(string messageId, IncidentView view, string text, CancellationToken cancellationToken) =>
        poster.PostAsync(channel, SlackMessage.Plain(text), messageId, cancellationToken);
}
