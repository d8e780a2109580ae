namespace DiagBot.Bot.Teams;

/// <summary>
/// Remembers conversation references by conversation id (and by channel id for team channels). In memory by
/// default; a shared store (Redis, issue 9) replaces it for several replicas.
/// </summary>
internal interface ITeamsConversationStore
{
    Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken);

    Task<TeamsConversationReference?> FindAsync(string conversationOrChannelId, CancellationToken cancellationToken);

    /// <summary>The team the bot was most recently added to or spoken to in, for channels it has not heard from.</summary>
    Task<TeamsConversationReference?> FindLatestTeamAsync(CancellationToken cancellationToken);
}
