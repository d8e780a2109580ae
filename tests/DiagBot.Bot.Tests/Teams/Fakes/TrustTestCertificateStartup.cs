using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Teams.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(TrustTestCertificateStartup))]

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>
/// Loaded only when a test starts the bot with --hostingStartupAssemblies=DiagBot.Bot.Tests: the bot's identity
/// client (OpenID metadata, keys, MSAL token requests) then trusts the loopback test certificate, and nothing else changes.
/// </summary>
internal sealed class TrustTestCertificateStartup : IHostingStartup
{
    public const string Argument = "--hostingStartupAssemblies=DiagBot.Bot.Tests";

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services
            .AddHttpClient(TeamsHttpClients.Identity)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => TestCertificate.IsTrusted(certificate),
            }));
}
