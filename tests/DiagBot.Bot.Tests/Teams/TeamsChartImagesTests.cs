using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsChartImagesTests
{
    private const string DataUriPrefix = "data:image/png;base64,";
    private static readonly AnswerOrigin Sandbox = new(true, "Answered from the DiagBot sandbox.");

    [Fact]
    public void Render_OomVerdictWithAChart_ShowsItsPalettePngInTheCardUnderTeamsLimit()
    {
        var card = AdaptiveCardRenderer.Render(WithCharts(RealisticCharts.Memory()), Sandbox);

        var image = Assert.Single(Images(card));
        Assert.Equal("chart-1-1", image["id"]!.GetValue<string>());
        Assert.Equal("Stretch", image["size"]!.GetValue<string>());
        Assert.StartsWith("Chart: orders-api memory hit its 512 MiB limit", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);
        var png = Convert.FromBase64String(image["url"]!.GetValue<string>()[DataUriPrefix.Length..]);
        Assert.Equal(3, png[25]); // IHDR colour type 3: a palette PNG
        using var pixels = new PngPixels(png);
        Assert.Equal((640, 320), (pixels.Width, pixels.Height));
        Assert.True(pixels.Count("#D55E00") > 200, "the 512 MiB limit line did not survive the palette");
        Assert.True(TeamsChartImages.Bytes(card) <= TeamsChartImages.MaxCardBytes, $"the card is {TeamsChartImages.Bytes(card)} bytes");
    }

    [Fact]
    public void Render_MoreChartsThanFit_KeepsTheCardUnderTheLimitAndTheirWordsInstead()
    {
        var card = AdaptiveCardRenderer.Render(WithCharts([.. RealisticCharts.All]), Sandbox);

        var shown = Images(card).Count;
        var words = Words(card).Count(text => text.StartsWith("Chart (too large for a Teams card", StringComparison.Ordinal));
        Assert.Equal(RealisticCharts.All.Count, shown + words);
        Assert.True(words > 0 && shown > 0, $"{shown} shown, {words} as words");
        Assert.True(TeamsChartImages.Bytes(card) <= TeamsChartImages.MaxCardBytes);
    }

    [Fact]
    public void Render_ChartWithoutData_AddsNothing()
    {
        var empty = new Chart("memory-vs-limit", "no samples", "MiB", [new ChartSeries("memory", [])], [], []);

        Assert.Empty(Images(AdaptiveCardRenderer.Render(WithCharts(empty), Sandbox)));
    }

    private static DiagnosisReport WithCharts(params Chart[] charts)
    {
        var report = Reports.OutOfMemory();
        return report with { Verdicts = [report.Verdicts[0] with { Charts = charts }] };
    }

    private static List<JsonObject> Images(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Image" => [o],
        JsonObject o => [.. o.Select(p => p.Value).SelectMany(Images)],
        JsonArray a => [.. a.SelectMany(Images)],
        _ => [],
    };

    private static IEnumerable<string> Words(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "RichTextBlock" =>
            [string.Concat(o["inlines"]!.AsArray().Select(run => run!["text"]!.GetValue<string>()))],
        JsonObject o => o.Select(p => p.Value).SelectMany(Words),
        JsonArray a => a.SelectMany(Words),
        _ => [],
    };
}
