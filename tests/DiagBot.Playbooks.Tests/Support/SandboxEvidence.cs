using Amazon.Runtime;
using DiagBot.Diagnostics;
using DiagBot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// The live evidence layer pointed at a sandbox as the bot points itself: the sandbox's DiagBotSettings, signed with the
/// sandbox's own key. A loopback sandbox on a shared, loaded machine can take seconds to answer; these tests count reads
/// and verdicts, so the per-call timeout and the budget are set far from what the machine's load can reach.
/// </summary>
internal static class SandboxEvidence
{
    public static ServiceProvider Services(SandboxServer sandbox)
    {
        var settings = DiagBotSettings.For(sandbox);
        settings["DiagBot:Aws:CallTimeout"] = "00:00:30";
        settings["DiagBot:Aws:DiagnosisBudget"] = "00:01:00";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddDiagBotEvidence(configuration, new BasicAWSCredentials(sandbox.Options.AccessKeyId, sandbox.Options.SecretAccessKey))
            .BuildServiceProvider();
    }
}
