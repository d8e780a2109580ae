using System.Diagnostics;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.WebChat;

/// <summary>Runs tests/browser (playwright-core driving Debian's headless Chromium) against the bot in serve mode.</summary>
[Trait("Tier", "External")]
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(4);
    private static readonly string BrowserTests = Path.Combine(RepositoryRoot.Path, "tests", "browser");
    private static readonly string Screenshots = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    private RunningBot _bot = null!;

    // Its page starts incident bursts, which add copies of the OOM task to the sandbox.
    public async Task InitializeAsync() => _bot = await RunningBot.StartWithOwnSandboxAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Page_InHeadlessChromium_PassesTheBrowserTests()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (scripts/install-test-deps.sh does, with apt-get install chromium).");
        Assert.True(Directory.Exists(Path.Combine(BrowserTests, "node_modules", "playwright-core")),
            $"playwright-core is not installed in {BrowserTests}/node_modules: run `npm ci --prefix tests/browser` (scripts/install-test-deps.sh does).");

        var (exitCode, output) = await RunNodeTestAsync();

        Assert.True(exitCode == 0, $"node --test tests/browser exited {exitCode}\n{output}");
        // Assert.Contains would shorten node's output in its message; this keeps all of it.
        Assert.True(output.Contains("# fail 0", StringComparison.Ordinal), $"node --test tests/browser reported failures\n{output}");
    }

    private async Task<(int ExitCode, string Output)> RunNodeTestAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "--test", "--no-warnings" },
            WorkingDirectory = BrowserTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["DIAGBOT_URL"] = _bot.BaseAddress.ToString(),
                ["CHROMIUM_PATH"] = ChromiumPath,
                ["SCREENSHOT_DIR"] = Screenshots,
                ["CHART_ANSWER"] = SampleChartAnswer.Write(Path.Combine(RepositoryRoot.Path, "artifacts", "browser")),
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; the browser tests need Node.js 20 or later on PATH.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NodeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"node --test did not finish within {NodeTimeout}\n{await output}\n{await error}");
        }

        return (process.ExitCode, $"--- stdout ---\n{await output}\n--- stderr ---\n{await error}");
    }
}
