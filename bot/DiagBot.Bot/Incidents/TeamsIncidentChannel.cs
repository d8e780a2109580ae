using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;
using DiagBot.Bot.Teams;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// `DiagBot:Teams:IncidentConversation`: one card per incident, replaced as it grows, with the diagnosis' charts as
/// images (kept under Teams' card size, as an answer's are). The proactive poster has no thread reply, so what would
/// go to the thread is shown on the card as its latest line.
/// </summary>
internal sealed class TeamsIncidentChannel(ITeamsConversationPoster poster, string conversation, int messagesPerSecond) : IIncidentChannel
{
    // Teams shows Unicode emoji; Slack's ":rotating_light:" codes would show as typed.
    private const string IncidentEmoji = "\U0001F6A8 ";
    private const string RecoveredEmoji = "\u2705 ";

    public string Name => "teams:" + conversation;

    public int MessagesPerSecond => messagesPerSecond;

    public async Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken)
    {
        var posted = await poster.PostAsync(conversation, Card(view, null), IncidentText.Headline(view), cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(posted);
    }

    public Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken) =>
        poster.UpdateAsync(Posted(messageId), Card(view, null), IncidentText.Headline(view), cancellationToken);

    public Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken) =>
        poster.UpdateAsync(Posted(messageId), Card(view, reply.PlainText), IncidentText.Headline(view), cancellationToken);

    private static TeamsPostedMessage Posted(string messageId) =>
        JsonSerializer.Deserialize<TeamsPostedMessage>(messageId) ?? throw new InvalidOperationException("The stored Teams message id is empty.");

    internal static JsonObject Card(IncidentView view, string? threadLine)
    {
        var record = view.Record;
        List<JsonNode> body =
        [
            AdaptiveCardElements.Heading((record.Recovered ? RecoveredEmoji : IncidentEmoji) + IncidentText.Headline(view)),
            AdaptiveCardElements.Text(AdaptiveCardElements.Run("Root cause: ", weight: "Bolder"), AdaptiveCardElements.Run(record.RootCause)),
        ];

        // The card is replaced whole on every update, so each one carries the diagnosis' charts again.
        body.AddRange(TeamsChartImages.For(1, ChartImages.Of(record.Playbook, view.Charts).Select(item => item.Chart)));
        body.Add(AdaptiveCardElements.Text(AdaptiveCardElements.Run("Latest: ", weight: "Bolder"), AdaptiveCardElements.Run(record.LatestEvidence)));
        if (threadLine is not null)
        {
            body.Add(AdaptiveCardElements.Text(AdaptiveCardElements.Run(threadLine, subtle: true)));
        }

        return TeamsChartImages.Fit(AdaptiveCardElements.Card(body, [], TeamsMarkdown.Text(IncidentText.Headline(view))));
    }
}
