using System.Text.Json.Nodes;

namespace DiagBot.Bot.Teams;

/// <summary>Proactive posts and updates through the connector, from a stored conversation reference.</summary>
internal sealed class TeamsConversationPoster(TeamsOptions options, ITeamsConversationStore store, ConnectorClient connector) : ITeamsConversationPoster
{
    public async Task<TeamsPostedMessage> PostAsync(string? conversationId, JsonObject card, string summary, CancellationToken cancellationToken)
    {
        var target = conversationId ?? options.IncidentConversation
            ?? throw new InvalidOperationException($"No conversation given and {TeamsOptions.Section}:IncidentConversation is not set.");
        var reference = await store.FindAsync(target, cancellationToken).ConfigureAwait(false)
            ?? await OtherChannelOfKnownTeamAsync(target, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"DiagBot has no conversation reference for '{target}': add the bot to that team or chat first, so Teams tells it where to post.");
        var activity = TeamsReplies.CardMessage(card, summary);
        activity["from"] = new JsonObject { ["id"] = reference.BotId, ["name"] = reference.BotName };
        if (reference.ChannelId is null)
        {
            var id = await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken).ConfigureAwait(false);
            return new TeamsPostedMessage(reference.ServiceUrl, reference.ConversationId, id ?? throw new ConnectorException("The Bot Connector returned no activity id."));
        }

        var parameters = new JsonObject
        {
            ["isGroup"] = true,
            ["bot"] = new JsonObject { ["id"] = reference.BotId, ["name"] = reference.BotName },
            ["tenantId"] = reference.TenantId,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = reference.ChannelId },
                ["tenant"] = new JsonObject { ["id"] = reference.TenantId },
            },
            ["activity"] = activity,
        };
        var created = await connector.CreateConversationAsync(reference.ServiceUrl, parameters, cancellationToken).ConfigureAwait(false);
        return new TeamsPostedMessage(reference.ServiceUrl, created.ConversationId, created.ActivityId ?? throw new ConnectorException("The Bot Connector returned no activity id."));
    }

    // Adding the bot to a team tells it only the General channel; any other channel of that team is reached
    // through the same connector and tenant.
    private async Task<TeamsConversationReference?> OtherChannelOfKnownTeamAsync(string target, CancellationToken cancellationToken)
    {
        if (!target.StartsWith("19:", StringComparison.Ordinal) || !target.Contains("@thread.", StringComparison.Ordinal))
        {
            return null;
        }

        var team = await store.FindLatestTeamAsync(cancellationToken).ConfigureAwait(false);
        return team is null ? null : team with { ConversationId = target, ChannelId = target };
    }

    public async Task UpdateAsync(TeamsPostedMessage posted, JsonObject card, string summary, CancellationToken cancellationToken)
    {
        var activity = TeamsReplies.CardMessage(card, summary);
        activity["id"] = posted.ActivityId;
        activity["conversation"] = new JsonObject { ["id"] = posted.ConversationId };
        await connector.UpdateAsync(posted.ServiceUrl, posted.ConversationId, posted.ActivityId, activity, cancellationToken).ConfigureAwait(false);
    }
}
