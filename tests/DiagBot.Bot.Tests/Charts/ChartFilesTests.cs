using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;
using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Charts;

public sealed class ChartFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("diagbot-chartfiles-").FullName;

    [Fact]
    public void Write_OomVerdictWithTwoCharts_WritesTwoPngsNamedInVerdictOrder()
    {
        var report = Reports.OutOfMemory();
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [RealisticCharts.Memory(), RealisticCharts.Timeline()] }] };

        var files = ChartFiles.Write(report, root);

        Assert.Equal(
            ["1-task-out-of-memory-memory-vs-limit.png", "1-task-out-of-memory-task-timeline.png"],
            files.Select(file => Path.GetFileName(file.Path)));
        using var png = new PngPixels(File.ReadAllBytes(files[0].Path));
        Assert.Equal(ChartSize.Full.Width, png.Width);
        Assert.StartsWith("Chart: orders-api memory hit its 512 MiB limit", files[0].AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChartWithoutData_WritesNothingForIt()
    {
        var report = Reports.OutOfMemory();
        var empty = new Chart("memory-vs-limit", "no samples", "MiB", [new ChartSeries("memory", [])], [], []);
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [empty] }] };

        Assert.Empty(ChartFiles.Write(report, root));
        Assert.Empty(Directory.GetFiles(root));
    }

    [Fact]
    public void Listing_Markdown_NamesEachFileWithItsWords()
    {
        var files = new[] { new ChartFile(0, 0, Path.Combine(root, "1-task-out-of-memory-memory-vs-limit.png"), "Chart: memory hit its limit.") };

        var markdown = ChartListing.Markdown(files, root);

        Assert.Contains("## Charts", markdown, StringComparison.Ordinal);
        Assert.Contains($"- `{files[0].Path}`: Chart: memory hit its limit.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_MarkdownWithoutCharts_SaysNothingWasWritten()
    {
        Assert.Contains($"nothing was written to {root}", ChartListing.Markdown([], root), StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_Json_AddsTheFileToItsChart()
    {
        var answer = new JsonObject
        {
            ["verdicts"] = new JsonArray(new JsonObject { ["charts"] = new JsonArray(new JsonObject { ["kind"] = "memory-vs-limit" }) }),
        };

        ChartListing.Json(answer, [new ChartFile(0, 0, "/tmp/c/1-x-memory-vs-limit.png", "Chart: x")]);

        Assert.Equal("/tmp/c/1-x-memory-vs-limit.png", answer["verdicts"]![0]!["charts"]![0]!["file"]!.GetValue<string>());
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
