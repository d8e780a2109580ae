using System.Text.Json.Nodes;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Teams;

/// <summary>Answers one turn: typing, then the diagnosis as a card (or help, or the one-line problem) as a reply.</summary>
internal sealed class TeamsTurnHandler(DiagnosisService diagnosis, AnswerOrigin origin, ConnectorClient connector, ILogger<TeamsTurnHandler> logger)
{
    public const string Welcome = """
        Hi, I'm DiagBot. I read the evidence for a failing ECS task, service or EKS pod and tell you the root cause, the evidence, the fix and the command that confirms it. I only read; I never change anything.

        In a channel, mention me first: `@DiagBot diagnose <task ARN>`.
        """;

    public async Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        logger.LogInformation(
            "Teams {Kind} from {User} ({AadObjectId}) in {Conversation}: {Subject}",
            turn.Kind, activity.From?.Name, activity.From?.AadObjectId, activity.Conversation?.Id, turn.Action?.Subject ?? turn.Command?.Subject);
        switch (turn)
        {
            case { Kind: TeamsTurnKind.Welcome }:
                await ReplyAsync(activity, TeamsReplies.Text(activity, TeamsMarkdown.Own(Welcome + "\n\n" + ChatCommand.Usage)), cancellationToken).ConfigureAwait(false);
                break;
            case { Kind: TeamsTurnKind.CardAction, Action: { } action }:
                await DiagnoseAsync(activity, action.Subject, action.Kind == TeamsCardActions.RawEvidence, cancellationToken).ConfigureAwait(false);
                break;
            case { Command.Kind: ChatCommandKind.Diagnose, Command: { } command }:
                await DiagnoseAsync(activity, command.Subject, raw: false, cancellationToken).ConfigureAwait(false);
                break;
            case { Command.Kind: ChatCommandKind.Invalid, Command: { } invalid }:
                await ReplyAsync(activity, TeamsReplies.Text(activity, TeamsMarkdown.Format($"{invalid.Error}\n\n{TeamsMarkdown.Own(ChatCommand.Usage)}")), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await ReplyAsync(activity, TeamsReplies.Text(activity, TeamsMarkdown.Own(ChatCommand.Usage)), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DiagnoseAsync(TeamsActivity activity, string subject, bool raw, CancellationToken cancellationToken)
    {
        await SendTypingAsync(activity, cancellationToken).ConfigureAwait(false);
        DiagnosisOutcome outcome;
        try
        {
            outcome = await diagnosis.DiagnoseAsync(subject, new Requester("teams", activity.From?.Name ?? activity.From?.Id, $"{TeamsAccessPolicy.TenantOf(activity) ?? "no tenant"}/{activity.Conversation?.Id}"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The asker hears that it failed instead of waiting for an answer that never comes.
            logger.LogError(exception, "Diagnosis of {Subject} failed", subject);
            await ReplyAsync(activity, TeamsReplies.Text(activity, TeamsMarkdown.Own("DiagBot could not finish that diagnosis; the error is in its log. Try again, or run it from the CLI.")), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome.Report is not { } report)
        {
            await ReplyAsync(activity, TeamsReplies.Text(activity, TeamsMarkdown.Text(outcome.Problem ?? "No diagnosis.")), cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = raw ? RawEvidenceCard.Render(report, origin) : AdaptiveCardRenderer.Render(report, origin);
        var summary = report.Verdicts.Count > 0 ? $"DiagBot: {report.Verdicts[0].Title}" : "DiagBot: no failure mode confirmed";
        await ReplyAsync(activity, TeamsReplies.Card(activity, card, summary), cancellationToken).ConfigureAwait(false);
    }

    private async Task SendTypingAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, TeamsReplies.Typing(activity), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException exception)
        {
            // Typing is a courtesy; the answer still goes out.
            logger.LogInformation("Typing indicator not sent: {Reason}", exception.Message);
        }
    }

    private Task<string?> ReplyAsync(TeamsActivity activity, JsonObject reply, CancellationToken cancellationToken) =>
        activity.Id is { } activityId
            ? connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activityId, reply, cancellationToken)
            : connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
}
