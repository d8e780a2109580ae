using System.Collections.Concurrent;

namespace DiagBot.Bot.Teams;

internal sealed class InMemoryTeamsConversationStore : ITeamsConversationStore
{
    private readonly ConcurrentDictionary<string, TeamsConversationReference> _references = new(StringComparer.Ordinal);

    public Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        _references[reference.ConversationId] = reference;
        if (reference.ChannelId is not null)
        {
            _references[reference.ChannelId] = reference;
        }

        return Task.CompletedTask;
    }

    public Task<TeamsConversationReference?> FindAsync(string conversationOrChannelId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault(conversationOrChannelId));
}
