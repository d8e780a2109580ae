using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DiagBot.Bot.Teams;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>A Teams poster that keeps every card as the connector would send it, and each card's fallback text.</summary>
internal sealed class CapturingTeams : ITeamsConversationPoster
{
    public ConcurrentQueue<string> Cards { get; } = new();

    public ConcurrentQueue<string> FallbackTexts { get; } = new();

    public Task<TeamsPostedMessage> PostAsync(string? conversationId, JsonObject card, string summary, CancellationToken cancellationToken)
    {
        Capture(card, summary);
        return Task.FromResult(new TeamsPostedMessage("https://smba.example/", conversationId!, "a1"));
    }

    public Task UpdateAsync(TeamsPostedMessage posted, JsonObject card, string summary, CancellationToken cancellationToken)
    {
        Capture(card, summary);
        return Task.CompletedTask;
    }

    // What the connector would send: the activity built from the card and summary.
    private void Capture(JsonObject card, string summary)
    {
        var activity = TeamsReplies.CardMessage(card, summary);
        Cards.Enqueue(string.Join('\n', JsonStrings.All(activity)));
        FallbackTexts.Enqueue(card["fallbackText"]!.GetValue<string>());
    }
}
