using System.Text.Json;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Rendering;

public sealed class ChartJsonTests
{
    private static readonly AnswerOrigin Sandbox = AnswerOrigin.Sandbox("111122223333");

    [Fact]
    public void Json_VerdictWithoutCharts_HasAnEmptyChartsArray()
    {
        using var document = JsonDocument.Parse(JsonRenderer.Render(Reports.OutOfMemory(), Sandbox));

        var charts = document.RootElement.GetProperty("verdicts")[0].GetProperty("charts");

        Assert.Equal(JsonValueKind.Array, charts.ValueKind);
        Assert.Equal(0, charts.GetArrayLength());
    }

    [Fact]
    public void Json_VerdictWithAChart_ListsKindTitleUnitSeriesMarkersAndThresholds()
    {
        using var document = JsonDocument.Parse(JsonRenderer.Render(WithCharts(SampleCharts.MemoryVsLimit()), Sandbox));

        var chart = Assert.Single(document.RootElement.GetProperty("verdicts")[0].GetProperty("charts").EnumerateArray());

        Assert.Equal(["kind", "title", "unit", "series", "markers", "thresholds"], chart.EnumerateObject().Select(p => p.Name));
        Assert.Equal("memory-vs-limit", chart.GetProperty("kind").GetString());
        Assert.Equal("web memory hit its 512 MiB limit at 14:02 UTC", chart.GetProperty("title").GetString());
        Assert.Equal("MiB", chart.GetProperty("unit").GetString());
        var series = Assert.Single(chart.GetProperty("series").EnumerateArray());
        Assert.Equal("web memory used", series.GetProperty("name").GetString());
        var second = series.GetProperty("points")[1];
        Assert.Equal("2026-03-14T13:51:00Z", second[0].GetString());
        Assert.Equal(512, second[1].GetDouble());
        var marker = Assert.Single(chart.GetProperty("markers").EnumerateArray());
        Assert.Equal("2026-03-14T14:02:07.250Z", marker.GetProperty("at").GetString());
        Assert.Equal("killed: exit 137", marker.GetProperty("label").GetString());
        var threshold = Assert.Single(chart.GetProperty("thresholds").EnumerateArray());
        Assert.Equal(512, threshold.GetProperty("value").GetDouble());
        Assert.Equal("container hard limit 512 MiB", threshold.GetProperty("label").GetString());
    }

    [Fact]
    public void Json_PointInAnotherOffset_IsWrittenInUtc()
    {
        var chart = SampleCharts.MemoryVsLimit() with
        {
            Series = [new("used", [new(new DateTimeOffset(2026, 3, 14, 16, 2, 0, TimeSpan.FromHours(2)), 1)])],
        };

        using var document = JsonDocument.Parse(JsonRenderer.Render(WithCharts(chart), Sandbox));

        var point = document.RootElement.GetProperty("verdicts")[0].GetProperty("charts")[0].GetProperty("series")[0].GetProperty("points")[0];
        Assert.Equal("2026-03-14T14:02:00Z", point[0].GetString());
    }

    [Fact]
    public void Json_PointWithoutAFiniteValue_IsLeftOutAndTheDocumentStaysValid()
    {
        var chart = SampleCharts.MemoryVsLimit() with
        {
            Series = [new("used", [new(SampleCharts.Started, double.NaN), new(SampleCharts.Killed, 3)])],
        };

        using var document = JsonDocument.Parse(JsonRenderer.Render(WithCharts(chart), Sandbox));

        var points = document.RootElement.GetProperty("verdicts")[0].GetProperty("charts")[0].GetProperty("series")[0].GetProperty("points");
        Assert.Equal(3, Assert.Single(points.EnumerateArray())[1].GetDouble());
    }

    [Fact]
    public void Json_ChartTitleQuotingASecret_IsRedacted()
    {
        var chart = SampleCharts.MemoryVsLimit() with { Title = "web password=hunter2hunter2 memory" };

        var json = JsonRenderer.Render(WithCharts(chart), Sandbox);

        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
    }

    private static Playbooks.Diagnosis.DiagnosisReport WithCharts(params Playbooks.Verdicts.Chart[] charts)
    {
        var report = Reports.OutOfMemory();
        return report with { Verdicts = [report.Verdicts[0] with { Charts = charts }] };
    }
}
