namespace DiagBot.Bot.Teams;

/// <summary>The bearer token the bot sends to the Bot Connector, cached until shortly before it expires.</summary>
internal interface IConnectorTokenSource
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
