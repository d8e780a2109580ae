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
            services.AddSingleton<IIncidentStore>(provider => new InMemoryIncidentStore(provider.GetRequiredService<TimeProvider>()) { TaskRetention = options.TaskRetention });
            return services;
        }

        // Connected lazily and kept for the process: the multiplexer is meant to be shared.
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options.Redis));
        services.AddSingleton<IIncidentStore, RedisIncidentStore>();
        return services;
    }
}
