using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>Runs tests/conformance (the official AWS SDK for JavaScript v3 clients) against an in-process sandbox.</summary>
[Trait("Tier", "External")]
[Collection(SandboxReads.Name)]
public sealed class AwsSdkConformanceTests(SandboxFixture fixture)
{
    [Fact]
    public async Task NodeTest_OfficialJsSdkClients_ReadEveryOperation()
    {
        var conformance = Path.Combine(ProcessRunner.RepositoryRoot(), "tests", "conformance");
        Assert.True(Directory.Exists(Path.Combine(conformance, "node_modules", "@aws-sdk", "client-ecs")),
            $"The AWS SDK for JavaScript is not installed in {conformance}/node_modules: run `npm ci --prefix tests/conformance` (the repo's test script does).");
        var node = ProcessRunner.OnPath("node") ?? throw new InvalidOperationException("node is not on PATH; the conformance test needs Node.js 20 or later.");

        var result = await ProcessRunner.RunAsync(node, ["--test", "--no-warnings", "sandbox.test.mjs"],
            new Dictionary<string, string> { ["SANDBOX_URL"] = fixture.Server.BaseAddress.ToString() }, conformance, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("# fail 0", result.Output);
    }
}
