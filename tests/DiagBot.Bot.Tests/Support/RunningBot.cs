using DiagBot.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DiagBot.Bot.Tests.Support;

/// <summary>The bot in serve mode on a free loopback port, exactly as Program starts it.</summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IHost Host => _app;

    public static Task<RunningBot> StartAsync(params string[] settings) => StartAsync(services => { }, settings);

    /// <summary>The bot on a clock the test moves (every TimeProvider the bot's services take).</summary>
    public static Task<RunningBot> StartAsync(TimeProvider clock, params string[] settings) =>
        StartAsync(services => services.RemoveAll<TimeProvider>().AddSingleton(clock), settings);

    private static async Task<RunningBot> StartAsync(Action<IServiceCollection> swap, string[] settings)
    {
        string[] args = ["--urls=http://127.0.0.1:0", .. settings];
        var app = await DiagBotApp.BuildAsync(args, swap);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningBot(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
