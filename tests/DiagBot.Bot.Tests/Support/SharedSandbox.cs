using DiagBot.Sandbox;

namespace DiagBot.Bot.Tests.Support;

/// <summary>
/// One sandbox for every bot in this test process that only reads it: a bot in sandbox mode would otherwise seed a
/// world of its own each time. A test that changes the sandbox (faults, new Kubernetes objects, an incident burst) starts its bot with
/// <see cref="RunningBot.StartWithOwnSandboxAsync(string[])"/>. It lives as long as the process; its port closes with it.
/// </summary>
internal static class SharedSandbox
{
    private static readonly Lazy<Task<SandboxServer>> Server = new(() => SandboxServer.StartAsync());

    public static Task<SandboxServer> GetAsync() => Server.Value;
}
