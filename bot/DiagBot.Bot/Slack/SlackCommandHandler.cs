using DiagBot.Bot.Chat;

namespace DiagBot.Bot.Slack;

/// <summary>
/// A slash command, over HTTP or Socket Mode: answers at once with an ephemeral line (usage, a refusal, or
/// "diagnosing ...") and leaves the diagnosis to the background, which posts it to the response_url. Nothing here
/// waits for Slack: a user group membership not in the cache is read by the background job (Slack allows 3 s).
/// </summary>
internal sealed class SlackCommandHandler(SlackOptions options, SlackAccessPolicy access, SlackJobQueue queue, ILogger<SlackCommandHandler> logger)
{
    public const string Busy = "DiagBot is busy with many diagnoses right now; try again in a minute.";

    public Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken) => Task.FromResult(Handle(command));

    private SlackMessage Handle(SlashCommand command)
    {
        // Who asked what is logged.
        logger.LogInformation("Slack {Command} from user {User} of team {UserTeam} in channel {Channel}: {Text}", command.Command, command.UserId, command.TeamId, command.ChannelId, command.Text);
        if (!SlackWorkspaceCheck.IsSlackResponseUrl(command.ResponseUrl, options))
        {
            logger.LogWarning("Slack {Command} refused: its response_url host {Host} is not Slack's", command.Command, command.ResponseUrl.Host);
            return SlackMessage.Plain(SlackMrkdwn.Own("That command's response_url is not Slack's; DiagBot answers only through hooks.slack.com."));
        }

        if (SlackWorkspaceCheck.RefusalOf(options, command.TeamId, null) is { } external)
        {
            logger.LogWarning("Slack {Command} from user {User} of team {UserTeam} refused: {Reason}", command.Command, command.UserId, command.TeamId, external);
            return SlackMessage.Plain(SlackMrkdwn.Own(SlackWorkspaceCheck.Refusal));
        }
        var decided = access.DecideNow(command.UserId, command.ChannelId);
        if (decided == SlackAccess.Refused)
        {
            return SlackAccessPolicy.Answer(SlackAccess.Refused);
        }

        var parsed = ChatCommandParser.Parse(SlackText.Unescape(command.Text));
        switch (parsed.Kind)
        {
            case ChatCommandKind.Help:
                return SlackMessage.Plain(SlackMrkdwn.Text(ChatCommand.Usage));
            case ChatCommandKind.Invalid:
                return SlackMessage.Plain(SlackMrkdwn.Text(parsed.Error ?? ChatCommand.Usage));
            default:
                var job = SlackJob.Diagnose(parsed.Subject, SlackReplyTarget.Response(command.ResponseUrl, parsed.Share), command.Asker, checkAccess: decided is null);
                return queue.TryEnqueue(job) ? SlackJobRunner.Diagnosing(parsed.Subject) : SlackMessage.Plain(SlackMrkdwn.Own(Busy));
        }
    }
}
