using System.Diagnostics;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>
/// The image's publish step works for both architectures the deploy targets (ECS arm64, EKS either). Slow (two
/// publishes): run alone with --filter "Category=Publish".
/// </summary>
[Trait("Tier", "External")]
public sealed class PublishTests
{
    [Fact]
    [Trait("Category", "Publish")]
    public async Task Publish_LinuxX64AndArm64_ProduceTheBotDll()
    {
        var root = Path.Combine(Path.GetTempPath(), "diagbot-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var rid in new[] { "linux-x64", "linux-arm64" })
            {
                var output = Path.Combine(root, rid);
                var (exit, log) = await RunAsync(
                    "publish", "bot/DiagBot.Bot", "-c", "Release", "-r", rid, "--self-contained", "false",
                    "-o", output, "--artifacts-path", Path.Combine(root, "artifacts"), "-nologo");

                Assert.True(exit == 0, $"dotnet publish -r {rid} failed:\n{log}");
                Assert.True(File.Exists(Path.Combine(output, "DiagBot.Bot.dll")), $"no DiagBot.Bot.dll for {rid}");
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<(int Exit, string Log)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
