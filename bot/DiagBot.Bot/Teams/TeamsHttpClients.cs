namespace DiagBot.Bot.Teams;

/// <summary>Named HTTP clients: one for Entra and the Bot Framework's metadata, one for the connector.</summary>
internal static class TeamsHttpClients
{
    public const string Identity = "DiagBot.Teams.Identity";

    public const string Connector = "DiagBot.Teams.Connector";
}
