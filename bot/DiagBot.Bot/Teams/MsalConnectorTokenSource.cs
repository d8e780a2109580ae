using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Client credentials with Microsoft.Identity.Client: the app's secret or certificate, the tenant's authority for a
/// single-tenant bot (botframework.com for a multi-tenant one), scope https://api.botframework.com/.default.
/// MSAL's app token cache keeps the token until it is about to expire.
/// </summary>
internal sealed class MsalConnectorTokenSource(TeamsOptions options, IHttpClientFactory clients) : IConnectorTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";

    private static readonly string[] Scopes = [Scope];

    private readonly Lazy<IConfidentialClientApplication> _application = new(() => Build(options, clients));

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(TeamsOptions options, IHttpClientFactory clients)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithAuthority(options.Authority.AbsoluteUri, validateAuthority: false)
            // The token endpoint is configured outright; asking login.microsoftonline.com to discover it would defeat that.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(clients));
        builder = options.CertificatePath is not null
            ? builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword), sendX5C: true)
            : builder.WithClientSecret(options.AppPassword);
        return builder.Build();
    }
}
