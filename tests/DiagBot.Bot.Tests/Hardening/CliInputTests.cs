using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>The CLI given hostile arguments: an exit code it documents and a message, never an exception.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CliInputTests(ITestOutputHelper output)
{
    private static readonly string[][] OddArguments =
    [
        ["diagnose"],
        ["diagnose", "--format"],
        ["diagnose", "--format", "yaml", "exit 137"],
        ["diagnose", "exit 137", "--format", "json", "--format", "markdown"],
        ["diagnose", "--unknown", "--", "-x"],
        ["triage", "--bogus"],
        ["help", "extra", "args"],
    ];

    [Fact]
    public async Task Diagnose_HostileArguments_ExitWithADocumentedCodeAndAMessage()
    {
        var tried = 0;
        var failures = new List<string>();
        IEnumerable<string[]> cases = [.. HostileInput.Texts.Select(text => new[] { "diagnose", text }), .. OddArguments];
        foreach (var args in cases)
        {
            tried++;
            var name = string.Join(' ', args.Select(a => a.Length > 30 ? a[..30] + "..." : a));
            try
            {
                var run = await CliRun.ExecuteAsync(args);
                if (run.ExitCode is not (CliApp.ExitVerdict or CliApp.ExitNothingMatched or CliApp.ExitBadInput))
                {
                    failures.Add($"{name}: exit code {run.ExitCode}");
                }
                else if (string.IsNullOrWhiteSpace(run.Output + run.Error))
                {
                    failures.Add($"{name}: exit {run.ExitCode} and nothing printed");
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add($"{name}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        output.WriteLine($"CLI hardening cases tried: {tried}");
        Assert.True(tried >= HostileInput.Texts.Count + OddArguments.Length);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
