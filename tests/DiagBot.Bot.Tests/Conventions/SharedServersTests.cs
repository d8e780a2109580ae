using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// CONTRIBUTING rule 12, measured: a fake HTTP server starts on the one loopback host (tests/DiagBot.Tests.Support),
/// and a playbook test that reads the seeded sandbox joins the collection that shares one instead of starting its own.
/// </summary>
public sealed class SharedServersTests
{
    private const string SupportProject = "tests/DiagBot.Tests.Support/";

    [Fact]
    public void FakeServers_StartOnTheSharedLoopbackHost()
    {
        var offenders = TestSources()
            .Where(test => !test.File.StartsWith(SupportProject, StringComparison.Ordinal))
            .Where(test => test.Text.Contains("WebApplication.Create", StringComparison.Ordinal))
            .Select(test => test.File)
            .ToList();

        Assert.True(offenders.Count == 0, "Start these fakes with LoopbackHost.StartAsync instead of a host of their own: " + string.Join(", ", offenders));
    }

    [Fact]
    public void PlaybookTestsOnTheSandbox_ShareOnePerCollection()
    {
        var offenders = TestSources()
            .Where(test => test.Text.Contains("IClassFixture<SandboxEvidenceFixture>", StringComparison.Ordinal))
            .Select(test => test.File)
            .ToList();

        Assert.True(
            offenders.Count == 0,
            "Mark these classes [Collection(SandboxReads.Name)] instead of IClassFixture<SandboxEvidenceFixture>: " + string.Join(", ", offenders));
    }

    // The convention tests name what they look for, so they are not read.
    private static IEnumerable<(string File, string Text)> TestSources() =>
        RepositoryRoot.SourceFiles("tests")
            .Select(file => (File: RepositoryRoot.Relative(file).Replace('\\', '/'), Text: File.ReadAllText(file)))
            .Where(test => !test.File.StartsWith("tests/DiagBot.Bot.Tests/Conventions/", StringComparison.Ordinal));
}
