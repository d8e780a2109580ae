using DiagBot.Bot.Chat;

namespace DiagBot.Bot.Slack;

/// <summary>
/// A slash command, over HTTP or Socket Mode: answers at once with an ephemeral line (usage, a refusal, or
/// "diagnosing ...") and leaves the diagnosis to the background, which posts it to the response_url.
/// </summary>
internal sealed class SlackCommandHandler(SlackAccessPolicy access, SlackJobQueue queue, ILogger<SlackCommandHandler> logger)
{
    public const string Busy = "DiagBot is busy with many diagnoses right now; try again in a minute.";

    public async Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        // Who asked what is logged.
        logger.LogInformation("Slack {Command} from user {User} in channel {Channel}: {Text}", command.Command, command.UserId, command.ChannelId, command.Text);
        if (!await access.AllowsAsync(command.UserId, command.ChannelId, cancellationToken).ConfigureAwait(false))
        {
            return SlackMessage.Plain(SlackAccessPolicy.Refusal);
        }

        var parsed = ChatCommandParser.Parse(SlackText.Unescape(command.Text));
        switch (parsed.Kind)
        {
            case ChatCommandKind.Help:
                return SlackMessage.Plain(SlackText.Escape(ChatCommand.Usage));
            case ChatCommandKind.Invalid:
                return SlackMessage.Plain(SlackText.Escape(parsed.Error ?? ChatCommand.Usage));
            default:
                var job = SlackJob.Diagnose(parsed.Subject, SlackReplyTarget.Response(command.ResponseUrl, parsed.Share), command.Asker);
                return queue.TryEnqueue(job) ? SlackJobRunner.Diagnosing(parsed.Subject) : SlackMessage.Plain(Busy);
        }
    }
}
