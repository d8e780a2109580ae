using System.Text.Json.Nodes;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Posts into a Teams conversation the bot has been added to, without being spoken to, and updates what it
/// posted. The incident auto-post (issue 9) posts one card per incident and updates it as the incident grows.
/// </summary>
internal interface ITeamsConversationPoster
{
    /// <summary>Posts a card; null conversation means `DiagBot:Teams:IncidentConversation`. In a team channel this starts a new thread.</summary>
    Task<TeamsPostedMessage> PostAsync(string? conversationId, JsonObject card, string summary, CancellationToken cancellationToken);

    /// <summary>Replaces a posted message's card (PUT .../activities/{id}).</summary>
    Task UpdateAsync(TeamsPostedMessage posted, JsonObject card, string summary, CancellationToken cancellationToken);
}

/// <summary>Where a posted message lives: enough to update it.</summary>
internal sealed record TeamsPostedMessage(string ServiceUrl, string ConversationId, string ActivityId);
