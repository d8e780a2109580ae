using System.Collections.Concurrent;

namespace DiagBot.Bot.Teams;

internal sealed class InMemoryTeamsConversationStore : ITeamsConversationStore
{
    private readonly ConcurrentDictionary<string, TeamsConversationReference> _references = new(StringComparer.Ordinal);
    private TeamsConversationReference? _latestTeam;

    public Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        _references[reference.ConversationId] = reference;
        if (reference.ChannelId is not null)
        {
            _references[reference.ChannelId] = reference;
            Volatile.Write(ref _latestTeam, reference);
        }

        return Task.CompletedTask;
    }

    public Task<TeamsConversationReference?> FindAsync(string conversationOrChannelId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault(conversationOrChannelId));

    public Task<TeamsConversationReference?> FindLatestTeamAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Volatile.Read(ref _latestTeam));
}
