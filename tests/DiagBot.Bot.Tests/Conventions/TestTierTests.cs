using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// `./test.sh --fast` leaves out the tests tagged [Trait("Tier", "External")]: those that drive a process of their own
/// (a browser, kubectl, helm, the AWS CLI, Node, Redis, dotnet publish). A test that starts one untagged would make the
/// fast tier slow, or fail on a machine without the tool.
/// </summary>
public sealed partial class TestTierTests
{
    [Fact]
    public void TestsThatStartAProcess_AreTaggedExternal()
    {
        var offenders = RepositoryRoot.SourceFiles("tests")
            .Where(file => file.EndsWith("Tests.cs", StringComparison.Ordinal))
            .Select(file => (File: RepositoryRoot.Relative(file), Text: File.ReadAllText(file)))
            .Where(test => StartsAProcess().IsMatch(test.Text) && !test.Text.Contains("[Trait(\"Tier\", \"External\")]", StringComparison.Ordinal))
            .Select(test => test.File)
            .ToList();

        Assert.True(offenders.Count == 0, "Tag these classes [Trait(\"Tier\", \"External\")]: " + string.Join(", ", offenders));
    }

    // The helpers through which tests start processes, and Process itself.
    [GeneratedRegex(@"\b(RedisServer\.StartAsync|HelmCli|AwsCli|ProcessRunner|RunningProcess|Process\.Start|ChromeDriver|NodeScript|PublishedBot)\b")]
    private static partial Regex StartsAProcess();
}
