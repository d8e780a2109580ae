namespace DiagBot.Bot.Incidents;

/// <summary>A place incidents are posted to: the Slack incident channel, the Teams conversation, the web feed.</summary>
internal interface IIncidentChannel
{
    /// <summary>Names the destination; rate limits and stored message ids are per name.</summary>
    string Name { get; }

    /// <summary>The destination's own limit on messages (posts, updates and replies together).</summary>
    int MessagesPerSecond { get; }

    /// <summary>Posts the incident; returns the id that later updates and thread replies address.</summary>
    Task<string> PostAsync(IncidentView view, CancellationToken cancellationToken);

    Task UpdateAsync(string messageId, IncidentView view, CancellationToken cancellationToken);

    Task ReplyAsync(string messageId, IncidentView view, IncidentReply reply, CancellationToken cancellationToken);
}

/// <summary>Every channel incidents go to, in the order they are posted.</summary>
internal sealed record IncidentChannels(IReadOnlyList<IIncidentChannel> All);
