using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Cli;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LiveModeConfigurationTests
{
    [Fact]
    public async Task Diagnose_LiveModeWithoutRegion_ExitsTwoNamingTheSetting()
    {
        var saved = (Mode: Environment.GetEnvironmentVariable("DiagBot__Mode"), Region: Environment.GetEnvironmentVariable("AWS_REGION"), DefaultRegion: Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        Environment.SetEnvironmentVariable("DiagBot__Mode", "live");
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
        try
        {
            var run = await CliRun.ExecuteAsync("diagnose", "0f3c9a1b2c3d4e5f60718293a4b5c6d7");

            Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
            Assert.Contains("DiagBot:Aws:Region", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DiagBot__Mode", saved.Mode);
            Environment.SetEnvironmentVariable("AWS_REGION", saved.Region);
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", saved.DefaultRegion);
        }
    }
}
