using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HostFiltering;

namespace DiagBot.Bot.Hosting;

/// <summary>The front of the pipeline: forwarded headers from known proxies only, then the Host allowlist, then sign-in.</summary>
internal static class NetworkEdge
{
    public static IServiceCollection AddNetworkEdge(this IServiceCollection services, IConfiguration configuration)
    {
        var options = NetworkEdgeOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddAuthentication();
        services.AddAuthorization();

        // HostAllowlist replaces the built-in filter (which reads the same AllowedHosts) because it must let the probes through.
        services.Configure<HostFilteringOptions>(filtering => filtering.AllowedHosts = ["*"]);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }
        });
        return services;
    }

    public static WebApplication UseNetworkEdge(this WebApplication app)
    {
        if (app.Services.GetRequiredService<NetworkEdgeOptions>().TrustsProxies)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<HostAllowlist>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
