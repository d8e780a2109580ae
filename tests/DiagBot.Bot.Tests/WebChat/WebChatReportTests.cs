using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.WebChat;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.WebChat;

public sealed class WebChatReportTests
{
    private static readonly AnswerOrigin Sandbox = new(true, "Answered from the DiagBot sandbox.");

    [Fact]
    public void ToJson_ChartWithData_CarriesItsPngAndItsWords()
    {
        var report = Reports.OutOfMemory();
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [RealisticCharts.Memory()] }] };

        var chart = WebChatReport.ToJson(report, Sandbox)["verdicts"]![0]!["charts"]![0]!;

        var image = chart["image"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", image, StringComparison.Ordinal);
        using var png = new PngPixels(Convert.FromBase64String(image["data:image/png;base64,".Length..]));
        Assert.Equal(1200, png.Width);
        Assert.StartsWith("Chart: orders-api memory hit its 512 MiB limit", chart["alt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("memory-vs-limit", chart["kind"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_ChartWithoutData_HasNoImage()
    {
        var report = Reports.OutOfMemory();
        var empty = new Chart("memory-vs-limit", "no samples", "MiB", [new ChartSeries("memory", [])], [], []);
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [empty] }] };

        var chart = WebChatReport.ToJson(report, Sandbox)["verdicts"]![0]!["charts"]![0]!.AsObject();

        Assert.False(chart.ContainsKey("image"));
        Assert.Equal("no samples", chart["title"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_SecretInAChartTitle_IsRedactedInTheWordsToo()
    {
        var report = Reports.OutOfMemory();
        var chart = RealisticCharts.Memory() with { Title = "memory of AKIAIOSFODNN7EXAMPLE hit its limit" };
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [chart] }] };

        var json = WebChatReport.ToJson(report, Sandbox)["verdicts"]![0]!["charts"]![0]!;

        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Redactor.Mask, json["alt"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
