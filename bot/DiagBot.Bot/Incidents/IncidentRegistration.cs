using DiagBot.Bot.Slack;
using DiagBot.Bot.Store;
using DiagBot.Bot.Teams;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Incidents;

/// <summary>Serve mode's incident lines: `builder.Services.AddIncidents(configuration)` (the feed is mapped with the web chat).</summary>
internal static class IncidentRegistration
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = IncidentOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddIncidentStore(configuration);
        services.AddSingleton<TaskArchive>();
        services.AddSingleton<ITaskArchive>(provider => provider.GetRequiredService<TaskArchive>());
        services.AddSingleton<IncidentRecords>();
        services.AddSingleton<ChannelRateLimiter>();
        services.AddSingleton<IncidentFeed>();
        services.AddSingleton(provider => new IncidentChannels(Channels(provider, options)));
        services.AddSingleton<IncidentPublisher>();
        services.AddSingleton<IIncidentDiagnoser, ServiceIncidentDiagnoser>();
        services.AddSingleton<IPlaybookHint, RankerPlaybookHint>();
        services.AddSingleton<IncidentDiagnosisQueue>();
        services.AddSingleton<IncidentDiagnosisRunner>();
        services.AddSingleton<IncidentCoordinator>();
        services.AddHostedService<IncidentFlushWorker>();
        services.AddHostedService<IncidentDiagnosisWorker>();
        return services;
    }

    private static List<IIncidentChannel> Channels(IServiceProvider provider, IncidentOptions options)
    {
        List<IIncidentChannel> channels = [provider.GetRequiredService<IncidentFeed>()];
        var slack = provider.GetRequiredService<SlackOptions>();
        if (slack.Enabled && slack.IncidentChannel is { } channel)
        {
            var poster = new SlackChannelPoster(provider.GetRequiredService<SlackWebApiClient>(), slack, waitOnRateLimit: false);
            channels.Add(new SlackIncidentChannel(poster, channel, options.SlackMessagesPerSecond, provider.GetRequiredService<SlackChartUploader>()));
        }

        if (provider.GetService<TeamsOptions>() is { Enabled: true, IncidentConversation: { } conversation })
        {
            channels.Add(new TeamsIncidentChannel(provider.GetRequiredService<ITeamsConversationPoster>(), conversation, options.TeamsMessagesPerSecond));
        }

        return channels;
    }
}
