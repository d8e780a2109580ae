using DiagBot.Sandbox.Catalogue;
using DiagBot.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DiagBot.Sandbox;

/// <summary>The sandbox hosted in-process on real Kestrel, for the bot's CLI, tests and benchmarks.</summary>
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

    /// <summary>The EKS cluster behind the simulated Kubernetes API (eks:DescribeCluster, ListFargateProfiles answer for it).</summary>
    public const string EksClusterName = Catalogue.Landscape.EksLandscape.ClusterName;

    public SandboxOptions Options => _runtime.Options;

    public SandboxFaults Faults => _runtime.Faults;

    public IReadOnlyList<SandboxScenario> Scenarios => _runtime.Scenarios;

    /// <summary>
    /// The moment the catalogue was seeded: every seeded time ("started a minute ago") is that long before it, not before
    /// the request. A caller that judges ages reads the world at this moment to see it as seeded.
    /// </summary>
    public DateTimeOffset SeededAt => _runtime.SeededAt;

    public SandboxKubernetes Kubernetes => new(_runtime.World.Kube, _runtime.Options.TimeProvider);

    /// <summary>
    /// The bot searches these for a bare task id, as it searches the configured clusters in live mode: the clusters of
    /// the seeded incidents. The large estate's clusters are reached by ARN, target group or service, not configured,
    /// since a bare id costs one DescribeTasks per configured cluster (docs/scale.md).
    /// </summary>
    public IReadOnlyList<string> Clusters => _runtime.CatalogueClusters;

    /// <summary>The simulated accounts other than the sandbox's own (the large scale's two); reached with sts:AssumeRole.</summary>
    public IReadOnlyList<string> OtherAccounts => [.. _runtime.Worlds.Keys.Where(account => account != _runtime.Options.AccountId).Order(StringComparer.Ordinal)];

    /// <summary>Requests refused with AWS's throttling error since start, when the documented rates are enforced.</summary>
    public long Throttled => _runtime.RateLimits.Refused;

    /// <summary>
    /// Adds count stopped tasks of one failing service (DescribeTasks knows them from now on) and returns the
    /// ECS Task State Change events that announce them, for a bot's intake.
    /// </summary>
    public SandboxIncidentBurst StartIncidentBurst(int count = 20) =>
        IncidentBurst.Start(_runtime.World, _runtime.Scenarios, count, _runtime.Options.TimeProvider.GetUtcNow());

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
