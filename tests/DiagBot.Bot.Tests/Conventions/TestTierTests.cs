using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// `./test.sh --fast` leaves out the tests tagged [Trait("Tier", "External")]: those that drive a process of their own
/// (a browser, kubectl, helm, the AWS CLI, Node, Redis, dotnet publish). A test that starts one untagged would make the
/// fast tier slow, or fail on a machine without the tool. It also leaves out [Trait("Tier", "Slow")], kept for tests
/// whose subject is scale or duration itself, each saying why on the line above the trait.
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

    [Fact]
    public void SlowTests_SayWhyOnTheLineAboveTheTrait()
    {
        const string Slow = "[Trait(\"Tier\", \"Slow\")]";
        var offenders = new List<string>();
        foreach (var file in RepositoryRoot.SourceFiles("tests"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // The reason may sit above the other attributes of the same test.
                var above = i - 1;
                while (above >= 0 && lines[above].TrimStart().StartsWith('['))
                {
                    above--;
                }

                if (lines[i].Trim() == Slow && (above < 0 || !lines[above].TrimStart().StartsWith("// Slow tier: ", StringComparison.Ordinal)))
                {
                    offenders.Add($"{RepositoryRoot.Relative(file)}:{i + 1}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Say why above each of these Slow traits (`// Slow tier: ...`, its subject being scale or duration): "
            + string.Join(", ", offenders));
    }

    // The helpers through which tests start processes, and Process itself.
    [GeneratedRegex(@"\b(RedisServer\.StartAsync|HelmCli|AwsCli|ProcessRunner|RunningProcess|Process\.Start|ChromeDriver|NodeScript|PublishedBot)\b")]
    private static partial Regex StartsAProcess();
}
