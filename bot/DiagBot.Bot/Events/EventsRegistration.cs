namespace DiagBot.Bot.Events;

/// <summary>Serve mode's event intake lines: `builder.Services.AddEvents(configuration)` and `app.MapEvents()`.</summary>
internal static class EventsRegistration
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EventsOptions.Read(configuration));
        services.AddSingleton<EventBridgeAuthenticator>();
        services.AddHttpClient(nameof(SnsSignatureVerifier), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => new SnsSignatureVerifier(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SnsSignatureVerifier)),
            provider.GetRequiredService<EventsOptions>(),
            provider.GetRequiredService<ILogger<SnsSignatureVerifier>>()));
        services.AddHostedService<KubernetesWarningWatcher>();
        return services;
    }
}
