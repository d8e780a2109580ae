using System.Text.Json;
using DiagBot.Bot.Chat;

namespace DiagBot.Bot.Slack;

/// <summary>
/// An Events API `event_callback`, over HTTP or Socket Mode. "@DiagBot diagnose ..." (app_mention) is answered
/// in the mention's thread; an event id already handled (a retry, a redelivery) is skipped.
/// </summary>
internal sealed class SlackEventHandler(SlackOptions options, SlackAccessPolicy access, SlackJobQueue queue, SlackEventDeduplicator deduplicator, ILogger<SlackEventHandler> logger)
{
    public const string AppMention = "app_mention";

    public Task HandleAsync(JsonElement callback, int retryNumber, CancellationToken cancellationToken)
    {
        Handle(callback, retryNumber);
        return Task.CompletedTask;
    }

    private void Handle(JsonElement callback, int retryNumber)
    {
        var eventId = callback.Text("event_id");
        if (eventId is not null && !deduplicator.TryMarkFirst(eventId))
        {
            logger.LogInformation("Slack event {EventId} already handled; skipping retry {Retry}", eventId, retryNumber);
            return;
        }

        var slackEvent = callback.Child("event");
        if (slackEvent.Text("type") != AppMention || slackEvent.Text("bot_id") is not null)
        {
            return;
        }

        var (user, channel, ts) = (slackEvent.Text("user"), slackEvent.Text("channel"), slackEvent.Text("ts"));
        if (user is null || channel is null || ts is null)
        {
            return;
        }

        var text = SlackMention.Strip(slackEvent.Text("text") ?? string.Empty);
        logger.LogInformation("Slack mention from user {User} of team {UserTeam} in channel {Channel}: {Text}", user, slackEvent.Text("user_team") ?? slackEvent.Text("team"), channel, text);
        var thread = SlackReplyTarget.Thread(channel, slackEvent.Text("thread_ts") ?? ts);
        var userTeam = slackEvent.Text("user_team") ?? slackEvent.Text("team");
        if (SlackWorkspaceCheck.RefusalOf(options, userTeam, callback.Text("team_id")) is { } external)
        {
            logger.LogWarning("Slack mention from user {User} of team {UserTeam} refused: {Reason}", user, userTeam, external);
            queue.TryEnqueue(SlackJob.Send(SlackMessage.Plain(SlackMrkdwn.Own(SlackWorkspaceCheck.Refusal)), thread));
            return;
        }

        // Decided without calling Slack (a membership not cached is checked by the job), so nothing after the event
        // was marked seen can fail and lose Slack's retry.
        var decided = access.DecideNow(user, channel);
        if (decided == SlackAccess.Refused)
        {
            queue.TryEnqueue(SlackJob.Send(SlackAccessPolicy.Answer(SlackAccess.Refused), thread));
            return;
        }

        var parsed = ChatCommandParser.Parse(text);
        var job = parsed.Kind switch
        {
            // The workspace is the callback's team_id; the event's own `team` is the user's, which differs for shared channels.
            ChatCommandKind.Diagnose => SlackJob.Diagnose(parsed.Subject, thread, new SlackAsker(user, callback.Text("team_id") ?? slackEvent.Text("team"), channel), checkAccess: decided is null),
            ChatCommandKind.Invalid => SlackJob.Send(SlackMessage.Plain(SlackMrkdwn.Text(parsed.Error ?? ChatCommand.Usage)), thread),
            _ => SlackJob.Send(SlackMessage.Plain(SlackMrkdwn.Text(ChatCommand.Usage)), thread),
        };
        if (!queue.TryEnqueue(job))
        {
            logger.LogWarning("Slack job queue full; dropped the mention {EventId}", eventId);
        }
    }
}
