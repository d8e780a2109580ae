using Microsoft.Identity.Client;

namespace DiagBot.Bot.Teams;

/// <summary>Gives MSAL the host's named identity client, so its handler and lifetime are managed in one place.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory clients) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => clients.CreateClient(TeamsHttpClients.Identity);
}
