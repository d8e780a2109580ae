using DiagBot.Bot.Cli;

namespace DiagBot.Bot.Tests.Cli;

/// <summary>`triage --jsonl` as the CLI runs it: what it prints about an input line never repeats a secret the line held.</summary>
public sealed class TriageCommandTests
{
    [Fact]
    public async Task Triage_LinesQuotingSecrets_PrintsTheAnswersWithTheSecretsRedacted()
    {
        // An unknown field's value is quoted in the why; a line that is not JSON is quoted in the error.
        var input = new StringReader(string.Join('\n',
            """{"field":"api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc","text":"exit code 137"}""",
            "password=hunter2hunter2"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["triage", "--jsonl"], input, output, error);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, exit);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("""{"playbook":7,""", lines[0], StringComparison.Ordinal);
        Assert.Contains("is not known; read as symptomText", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"error":"line 2: not valid JSON""", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_4eC39HqLyjWDarjtT1zdp7dc", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", output.ToString(), StringComparison.Ordinal);
    }
}
