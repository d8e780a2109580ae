namespace DiagBot.Sandbox.Tests.Scale;

/// <summary>One large sandbox for the class: seeding 22,000 tasks is done once.</summary>
public sealed class LargeSandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { Scale = SandboxScale.Large });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
