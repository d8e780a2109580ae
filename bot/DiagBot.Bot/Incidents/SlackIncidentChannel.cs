using DiagBot.Bot.Slack;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// `DiagBot:Slack:IncidentChannel`: one message per incident, updated in place, its thread for what follows. The
/// diagnosis' charts are uploaded into that thread right after the post, as an answer's are.
/// </summary>
internal sealed class SlackIncidentChannel(ISlackChannelPoster poster, string channel, int messagesPerSecond, SlackChartUploader? charts = null)
    : IIncidentChannel
{
    public string Name => "slack:" + channel;

    public int MessagesPerSecond => messagesPerSecond;

    public async Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        var posted = await Scheduled(() => poster.PostAsync(channel, SlackMessage.Plain(Body(view)), cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (charts is not null && view.Charts.Count > 0)
        {
            await charts.UploadIncidentChartsAsync(posted.Channel, posted.Ts, view.Record.Playbook, view.Charts, cancellationToken).ConfigureAwait(false);
        }

        return posted.Ts;
    }

    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) =>
        Scheduled(async () =>
        {
            await poster.UpdateAsync(new SlackPostedMessage(channel, messageId), SlackMessage.Plain(Body(view)), cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken) =>
        Scheduled(() => poster.PostAsync(channel, SlackMessage.Plain(Reply(reply)), messageId, cancellationToken));

    // Slack's 429 becomes the outbox's not-before time instead of a sleep that would hold the flush.
    private async Task<T> Scheduled<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SlackRateLimitedException limited)
        {
            throw new ChannelRateLimitedException(Name, limited.RetryAfter);
        }
    }

    /// <summary>Slack's own idiom: emoji codes and *bold*; every value from the events is a hole, so it is cleaned and escaped.</summary>
    public static SlackMrkdwn Body(IncidentView view)
    {
        var record = view.Record;
        var state = record.Recovered ? SlackMrkdwn.Own(":white_check_mark: *Recovered*") : SlackMrkdwn.Own(":rotating_light: *Incident*");
        var events = view.Count == 1 ? "event" : "events";
        return SlackMrkdwn.Format(
            $"{state}: {record.Title} in {record.ScopeKind} {record.Service} (cluster {record.Cluster}), {view.Count} failing {events}\n"
            + $"*Root cause:* {record.RootCause}\n*Latest:* {record.LatestEvidence}\n"
            + $"*Playbook:* {record.Playbook} · first seen {record.FirstSeen:u} · last seen {record.LastSeen:u}");
    }

    public static SlackMrkdwn Reply(IncidentReply reply) => reply.Recovered
        ? SlackMrkdwn.Format($":white_check_mark: Recovered: {reply.Evidence}.")
        : SlackMrkdwn.Format($"{reply.Count} failures so far. Latest: {reply.Evidence}");
}
