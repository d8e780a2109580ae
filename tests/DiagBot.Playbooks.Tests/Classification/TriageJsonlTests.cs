using System.Text.Json;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class TriageJsonlTests
{
    [Fact]
    public async Task RunAsync_WellFormedLines_WritesOneResultPerLineAndReturnsZero()
    {
        const string input = """
            {"text": "OutOfMemoryError: Container killed due to memory usage", "field": "containerReason", "exit_code": 137}
            {"text": "service web has reached a steady state.", "field": "serviceEvent", "exit_code": null}
            """;

        var (exitCode, lines) = await RunAsync(input);

        Assert.Equal(TriageJsonl.Success, exitCode);
        Assert.Equal(2, lines.Count);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(TaskOutOfMemory.Number, first.RootElement.GetProperty("playbook").GetInt32());
        Assert.InRange(first.RootElement.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(first.RootElement.GetProperty("why").GetString()));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("none", second.RootElement.GetProperty("playbook").GetString());
    }

    [Fact]
    public async Task RunAsync_MalformedLine_WritesErrorInPlaceAndGoesOnAndReturnsTwo()
    {
        const string input = """
            {"text": "Target.NotRegistered", "field": "targetHealth"}
            {not json
            {"field": "log"}
            {"text": "x", "exit_code": "one hundred"}
            ["text"]
            {"text": "CrashLoopBackOff", "field": "podStatus"}
            """;

        var (exitCode, lines) = await RunAsync(input);

        Assert.Equal(TriageJsonl.SomeLinesMalformed, exitCode);
        Assert.Equal(6, lines.Count);
        Assert.Equal(Alb503NoTargets.Number, PlaybookOf(lines[0]));
        Assert.All(lines.Skip(1).Take(4), line => Assert.StartsWith("line ", ErrorOf(line), StringComparison.Ordinal));
        Assert.Contains("line 3", ErrorOf(lines[2]), StringComparison.Ordinal);
        Assert.Equal(CrashLoop.Number, PlaybookOf(lines[5]));
    }

    [Fact]
    public async Task RunAsync_MissingOrUnknownField_IsReadAsSymptomTextAndSaysSo()
    {
        const string input = """
            {"text": "pods stuck in Pending"}
            {"text": "pods stuck in Pending", "field": "kubeletLog"}
            """;

        var (exitCode, lines) = await RunAsync(input);

        Assert.Equal(TriageJsonl.Success, exitCode);
        Assert.All(lines, line => Assert.Equal(EksPodsPending.Number, PlaybookOf(line)));
        Assert.Contains("kubeletLog", WhyOf(lines[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_QuotedExitCodeAndSnakeCaseField_AreUnderstood()
    {
        var (exitCode, lines) = await RunAsync("{\"text\": \"Essential container in task exited\", \"field\": \"stopped_reason\", \"exit_code\": \"0\"}");

        Assert.Equal(TriageJsonl.Success, exitCode);
        using var document = JsonDocument.Parse(lines[0]);
        Assert.Equal("none", document.RootElement.GetProperty("playbook").GetString());
        Assert.DoesNotContain("not known", document.RootElement.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BlankLines_AreSkipped()
    {
        var (exitCode, lines) = await RunAsync("\n   \n{\"text\": \"Task stopped by user\", \"field\": \"stoppedReason\"}\n\n");

        Assert.Equal(TriageJsonl.Success, exitCode);
        Assert.Single(lines);
    }

    [Fact]
    public async Task RunAsync_TypographicText_IsWrittenReadably()
    {
        var (_, lines) = await RunAsync("{\"text\": \"The task can\u2019t pull the image.\", \"field\": \"stoppedReason\"}");

        Assert.Equal(CannotPullContainer.Number, PlaybookOf(lines[0]));
        Assert.DoesNotContain("\\u0022", lines[0], StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(string input)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        var exitCode = await TriageJsonl.RunAsync(reader, writer, CancellationToken.None);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (exitCode, lines);
    }

    private static int PlaybookOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("playbook").GetInt32();
    }

    private static string ErrorOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("error").GetString()!;
    }

    private static string WhyOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("why").GetString()!;
    }
}
