using DiagBot.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DiagBot.Sandbox;

// The sandbox hosted in-process on real Kestrel, for the bot's CLI, tests and benchmarks.
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxRuntime _runtime;

    private SandboxServer(WebApplication app, SandboxRuntime runtime, Uri baseAddress)
    {
        _app = app;
        _runtime = runtime;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public SandboxOptions Options => _runtime.Options;

    public SandboxFaults Faults => _runtime.Faults;

    public IReadOnlyList<SandboxScenario> Scenarios => _runtime.Scenarios;

    // The bot searches these for a bare task id, as it searches the configured clusters in live mode.
    public IReadOnlyList<string> Clusters => _runtime.World.Ecs.Clusters.Select(cluster => cluster.ClusterName).ToList();

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var runtime = new SandboxRuntime(options ?? new SandboxOptions());
        var app = SandboxApp.Build(runtime, []);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, runtime, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
