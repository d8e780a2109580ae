using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DiagBot.Bot.Teams;

/// <summary>Serve mode's Teams lines: `builder.AddTeams()` and `app.MapTeams()`.</summary>
internal static class TeamsRegistration
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var options = TeamsOptionsReader.Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return builder;
        }

        services.AddHttpClient(TeamsHttpClients.Identity, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TeamsHttpClients.Connector, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IDocumentRetriever>(provider =>
            new HttpDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>().CreateClient(TeamsHttpClients.Identity)) { RequireHttps = true });
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                options.OpenIdMetadataUrl.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), provider.GetRequiredService<IDocumentRetriever>()));
        services.AddSingleton<BotFrameworkMetadata>();
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddSingleton<IConnectorTokenSource, MsalConnectorTokenSource>();
        services.AddSingleton<ConnectorClient>();
        services.TryAddSingleton<ITeamsConversationStore, InMemoryTeamsConversationStore>();
        services.AddSingleton<ITeamsConversationPoster, TeamsConversationPoster>();
        services.AddSingleton<TeamsTurnQueue>();
        services.AddSingleton<TeamsTurnHandler>();
        services.AddHostedService<TeamsTurnWorker>();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TeamsOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DiagBot.Teams");
        if (!options.Enabled)
        {
            logger.LogInformation("Teams is off: set {Setting} (and its password or certificate) to turn it on.", $"{TeamsOptions.Section}:AppId");
            return app;
        }

        app.MapPost(TeamsMessagesEndpoint.Path, TeamsMessagesEndpoint.HandleAsync);
        logger.LogInformation(
            "Teams is on: {Path} for app {AppId}, tokens from {TokenEndpoint}, incident conversation {IncidentConversation}",
            TeamsMessagesEndpoint.Path, options.AppId, options.TokenEndpoint, options.IncidentConversation ?? "not set");
        return app;
    }
}
