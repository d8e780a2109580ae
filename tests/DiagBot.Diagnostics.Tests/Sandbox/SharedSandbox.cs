using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>
/// One sandbox for the client tests that only read what is seeded (CONTRIBUTING rule 12), started once for their
/// collection instead of once per test. The classes of a collection run one after another, and each test takes the
/// sandbox with the faults the one before it set cleared, so a fault reaches only the test that set it.
/// </summary>
public sealed class SharedSandbox : IAsyncLifetime
{
    private SandboxServer? _server;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The sandbox as seeded, no fault set.</summary>
    public SandboxServer WithoutFaults()
    {
        var server = _server ?? throw new InvalidOperationException("The sandbox has not started.");
        server.Faults.Clear();
        return server;
    }
}

/// <summary>The test classes that share <see cref="SharedSandbox"/>; a class that changes what is seeded starts its own.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxReads : ICollectionFixture<SharedSandbox>
{
    public const string Name = "sandbox reads";
}
