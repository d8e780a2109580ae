using System.Text.Json;

namespace DiagBot.Bot.Slack;

/// <summary>
/// A `block_actions` payload from DiagBot's buttons, over HTTP or Socket Mode: "Re-run", "Share to channel",
/// "Show raw evidence" and "Show more". Each becomes a background job; the request is acknowledged empty.
/// </summary>
internal sealed class SlackInteractionHandler(SlackOptions options, SlackAccessPolicy access, SlackJobQueue queue, ILogger<SlackInteractionHandler> logger)
{
    public const string BlockActions = "block_actions";

    public Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        Handle(payload);
        return Task.CompletedTask;
    }

    private void Handle(JsonElement payload)
    {
        if (payload.Text("type") != BlockActions || payload.Child("actions").ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var user = payload.Child("user").Text("id");
        var channel = payload.Child("channel").Text("id") ?? payload.Child("container").Text("channel_id");
        var responseUrl = Uri.TryCreate(payload.Text("response_url"), UriKind.Absolute, out var url) && SlackWorkspaceCheck.IsSlackResponseUrl(url, options) ? url : null;
        var message = payload.Child("message");
        var threadTs = message.Text("thread_ts") ?? payload.Child("container").Text("thread_ts");
        // A button on a thread reply (a mention's answer) answers in that thread; one on an ephemeral answer, to the asker.
        var here = channel is not null && threadTs is not null ? SlackReplyTarget.Thread(channel, threadTs)
            : responseUrl is not null ? SlackReplyTarget.Response(responseUrl)
            : null;
        if (user is null || here is null)
        {
            return;
        }

        var userTeam = payload.Child("user").Text("team_id");
        if (SlackWorkspaceCheck.RefusalOf(options, userTeam, payload.Child("team").Text("id")) is { } external)
        {
            logger.LogWarning("Slack button from user {User} of team {UserTeam} refused: {Reason}", user, userTeam, external);
            queue.TryEnqueue(SlackJob.Send(SlackMessage.Plain(SlackMrkdwn.Own(SlackWorkspaceCheck.Refusal)), here));
            return;
        }

        var decided = access.DecideNow(user, channel);
        if (decided == SlackAccess.Refused)
        {
            queue.TryEnqueue(SlackJob.Send(SlackAccessPolicy.Answer(SlackAccess.Refused), here));
            return;
        }

        var checkAccess = decided is null;
        var asker = new SlackAsker(user, payload.Child("team").Text("id") ?? payload.Child("user").Text("team_id"), channel);
        foreach (var action in payload.Child("actions").EnumerateArray())
        {
            var (actionId, value) = (action.Text("action_id"), action.Text("value"));
            if (value is null)
            {
                continue;
            }

            logger.LogInformation("Slack button {Action} from user {User} in channel {Channel}: {Value}", actionId, user, channel, value);
            var job = actionId switch
            {
                SlackActions.Rerun => SlackJob.Diagnose(value, here, asker, checkAccess: checkAccess),
                SlackActions.Share => SlackJob.Diagnose(value, Shared(responseUrl, channel, threadTs, here), asker, checkAccess: checkAccess),
                SlackActions.RawEvidence => SlackJob.Raw(value, here, asker, checkAccess),
                SlackActions.ShowMore => ShowMore(value, here, asker) with { CheckAccess = checkAccess },
                _ => null,
            };
            if (job is not null)
            {
                queue.TryEnqueue(job);
            }
        }
    }

    /// <summary>For everyone in the channel: through the response_url as in_channel, or as a new channel message.</summary>
    private static SlackReplyTarget Shared(Uri? responseUrl, string? channel, string? threadTs, SlackReplyTarget here) =>
        channel is not null && (threadTs is not null || responseUrl is null) ? SlackReplyTarget.ChannelMessage(channel)
        : responseUrl is not null ? SlackReplyTarget.Response(responseUrl, inChannel: true)
        : here;

    private static SlackJob ShowMore(string value, SlackReplyTarget here, SlackAsker asker)
    {
        var (page, subject) = SlackActions.ReadShowMoreValue(value);
        return SlackJob.Diagnose(subject, here, asker, page);
    }
}
