using DiagBot.Bot.Hosting;
using StackExchange.Redis;

namespace DiagBot.Bot.Store;

/// <summary>`builder.Services.AddIncidentStore(configuration)`: Redis when configured, otherwise in memory.</summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddIncidentStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StoreOptions.Read(configuration);
        services.AddSingleton(options);
        if (options.Redis is null)
        {
            services.AddSingleton<IIncidentStore>(provider => new InMemoryIncidentStore(provider.GetRequiredService<TimeProvider>())
            {
                TaskRetention = options.TaskRetention,
                MaxEntries = options.MaxEntries,
                MaxTasks = options.MaxArchivedTasks,
            });
            return services;
        }

        ConfigurationOptions redis;
        try
        {
            redis = ConfigurationOptions.Parse(options.Redis);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidConfigurationException($"{StoreOptions.RedisKey} is not a Redis connection string ({exception.Message}). Set it as host:port[,password=...], or leave it out for the in-memory store.");
        }

        // A replica starts even while Redis is briefly away, and reconnects; the multiplexer is shared for the process.
        redis.AbortOnConnectFail = false;
        var timeout = StoreTimeout.Read(configuration);
        redis.AsyncTimeout = (int)timeout.TotalMilliseconds;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddSingleton<IIncidentStore>(provider => new BoundedIncidentStore(
            new RedisIncidentStore(provider.GetRequiredService<IConnectionMultiplexer>()), timeout, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
