namespace DiagBot.Sandbox.Tests.Support;

/// <summary>
/// A sandbox on a real Kestrel and a free loopback port: one for the collection of readers (<see cref="SandboxReads"/>),
/// or one of its own for a class that changes it.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync();

        // The wire tests read an unreachable kubelet's dial error itself, which a real API server gives only after 30 s.
        _server.Kubernetes.KubeletDialTimeout = TimeSpan.FromSeconds(1);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal AwsTestClient CreateClient() => new(Server);

    public SandboxScenario Scenario(string name) => Server.Scenarios.Single(s => s.Name == name);
}
