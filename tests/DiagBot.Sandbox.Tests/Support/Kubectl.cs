using DiagBot.Tests.Support;

namespace DiagBot.Sandbox.Tests.Support;

/// <summary>The real kubectl pointed at a sandbox over plain http, with a kubeconfig and a cache of its own under a test's home.</summary>
internal static class Kubectl
{
    public static string Executable => ProcessRunner.OnPath("kubectl", "/usr/bin/kubectl", "/usr/local/bin/kubectl")
        ?? throw new InvalidOperationException("kubectl is not installed; the repo's test script installs it where missing.");

    public static async Task<ProcessResult> RunAsync(SandboxServer server, string home, params string[] arguments) =>
        await ProcessRunner.RunAsync(Executable, [.. arguments, "--cache-dir", Path.Combine(home, "cache")],
            new Dictionary<string, string> { ["KUBECONFIG"] = await WriteKubeconfigAsync(server, home), ["HOME"] = home }, home, TimeSpan.FromMinutes(1));

    /// <summary>A kubeconfig whose one context, sandbox, reaches the server with a token the sandbox accepts; returns its path.</summary>
    public static Task<string> WriteKubeconfigAsync(SandboxServer server, string home) =>
        Kubeconfig.WriteAsync(Path.Combine(home, "config"), server.BaseAddress, "sandbox");
}
