namespace DiagBot.Bot.Slack;

/// <summary>Serve mode's Slack lines: `builder.Services.AddSlack(configuration)` and `app.MapSlack()`.</summary>
internal static class SlackRegistration
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SlackOptionsReader.Read(configuration);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        // Singletons hold the typed client, so connections are recycled by the handler instead of by the factory.
        services.AddHttpClient<SlackWebApiClient>(client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackUserGroupDirectory>();
        services.AddSingleton<SlackAccessPolicy>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackJobQueue>();
        services.AddTransient<ISlackChannelPoster, SlackChannelPoster>();
        services.AddTransient<SlackReplier>();
        services.AddTransient<SlackJobRunner>();
        services.AddSingleton<SlackChartUploader>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddHostedService<SlackJobWorker>();
        if (options.SocketModeEnabled)
        {
            services.AddSingleton<SocketModeDispatcher>();
            services.AddHostedService<SocketModeService>();
        }

        return services;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<SlackOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DiagBot.Slack");
        if (!options.Enabled)
        {
            logger.LogInformation("Slack is off: set DiagBot:Slack:BotToken and DiagBot:Slack:SigningSecret (or DiagBot:Slack:AppToken for Socket Mode) to turn it on.");
            return app;
        }

        if (options.HttpEndpointsEnabled)
        {
            app.MapSlackEndpoints();
        }

        if (Hosting.BotModeSetting.Read(app.Configuration) == Hosting.BotMode.Live && options.AllowedChannels.Count == 0 && options.AllowedUserGroups.Count == 0)
        {
            logger.LogWarning(
                "Slack is on in live mode with neither {Section}:AllowedChannels nor {Section}:AllowedUserGroups: anyone in the workspace can diagnose production.",
                SlackOptions.Section, SlackOptions.Section);
        }

        logger.LogInformation(
            "Slack is on: HTTP endpoints {Http}, Socket Mode {SocketMode}, Web API {ApiBaseUrl}",
            options.HttpEndpointsEnabled ? "/slack/commands, /slack/events, /slack/interactions" : "off",
            options.SocketModeEnabled ? "on" : "off",
            options.ApiBaseUrl);
        return app;
    }
}
