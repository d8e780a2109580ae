using DiagBot.Bot.Hosting;
using DiagBot.Sandbox;
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

    /// <summary>The bot over the process's shared sandbox (<see cref="SharedSandbox"/>), for a test that only reads it.</summary>
    public static Task<RunningBot> StartAsync(params string[] settings) => StartSharedAsync(services => { }, settings);

    /// <summary>
    /// The bot on a clock the test moves (every TimeProvider the bot's services take), over a sandbox of its own: such a
    /// test starts a sandbox incident burst, which adds tasks to the sandbox.
    /// </summary>
    public static Task<RunningBot> StartAsync(TimeProvider clock, params string[] settings) =>
        StartAsync(null, services => services.RemoveAll<TimeProvider>().AddSingleton(clock), settings);

    /// <summary>The bot with a sandbox of its own, which the test may change (faults, new objects) and which stops with it.</summary>
    public static Task<RunningBot> StartWithOwnSandboxAsync(params string[] settings) => StartAsync(null, services => { }, settings);

    /// <summary>The bot in sandbox mode over a sandbox the test started (and stops), instead of one of its own.</summary>
    public static Task<RunningBot> StartOnAsync(SandboxServer sandbox, params string[] settings) => StartAsync(sandbox, services => { }, settings);

    private static async Task<RunningBot> StartSharedAsync(Action<IServiceCollection> swap, string[] settings)
    {
        // A sandbox of another scale or with rate limits is not the shared one.
        var own = settings.Any(s => s.Contains(SandboxWiring.SectionKey, StringComparison.OrdinalIgnoreCase));
        return await StartAsync(own ? null : await SharedSandbox.GetAsync(), swap, settings);
    }

    private static async Task<RunningBot> StartAsync(SandboxServer? sandbox, Action<IServiceCollection> swap, string[] settings)
    {
        string[] args = ["--urls=http://127.0.0.1:0", .. settings];
        var app = await DiagBotApp.BuildAsync(args, sandbox, swap);
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
