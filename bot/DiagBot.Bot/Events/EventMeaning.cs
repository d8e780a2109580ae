namespace DiagBot.Bot.Events;

/// <summary>What an event means for the incident channel.</summary>
internal enum EventMeaning
{
    /// <summary>A normal stop, scale-in, an INFO event: never posts.</summary>
    Ignore,
    Failure,

    /// <summary>The service reached steady state or its deployment completed.</summary>
    Recovery,
}

/// <summary>An event read for the incident channel: where it happened and, for a failure, the words that say why.</summary>
internal sealed record ClassifiedEvent(EventMeaning Meaning, string Cluster, string? Service, string? TaskArn, string Evidence)
{
    public static ClassifiedEvent Ignored(string why) => new(EventMeaning.Ignore, "", null, null, why);
}
