using System.Text.Json;
using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Charts;

/// <summary>`diagnose ... --charts DIR` end to end, against the sandbox the CLI starts, every other contract unchanged.</summary>
public sealed class ChartsCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("diagbot-charts-cli-").FullName;

    [Fact]
    public async Task Diagnose_ChartsIntoAFile_ExitsTwoSayingSoBeforeDiagnosing()
    {
        var file = Path.Combine(root, "taken");
        await File.WriteAllTextAsync(file, "x");

        var run = await CliRun.ExecuteAsync("diagnose", "ALB 503 on target group storefront-tg", "--charts", file);

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal($"--charts {file}: that is a file, not a directory. Name a directory (it is created if missing).", run.Error.Trim());
    }

    [Fact]
    public async Task Diagnose_JsonWithCharts_KeepsTheJsonShapeAndListsEveryChartWritten()
    {
        var charts = Path.Combine(root, "out");

        var run = await CliRun.ExecuteAsync("diagnose", "ALB 503 on target group storefront-tg", "--format", "json", "--charts", charts);

        Assert.Equal(CliApp.ExitVerdict, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var listed = json.RootElement.GetProperty("verdicts").EnumerateArray()
            .SelectMany(verdict => verdict.TryGetProperty("charts", out var c) ? c.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(chart => chart.TryGetProperty("file", out _))
            .Select(chart => chart.GetProperty("file").GetString())
            .Order()
            .ToList();

        // storefront-tg's target health is served by the sandbox's CloudWatch, so the 503 verdict carries a chart.
        Assert.NotEmpty(listed);
        Assert.Equal(Directory.GetFiles(charts).Order(), listed);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
