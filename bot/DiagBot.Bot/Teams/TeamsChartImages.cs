using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Bot.Teams.AdaptiveCardElements;

namespace DiagBot.Bot.Teams;

/// <summary>
/// A verdict's charts in its Adaptive Card, as Image elements whose url is the PNG itself (a data URI). Teams shows an
/// Image by HTTPS URL or data URI (PNG, JPEG or GIF, at most 1024 x 1024: "Types of cards", inline card images), and a
/// bot's card must stay within about 28 KB, data URIs included (Microsoft Q&amp;A, "Question About Image Size in
/// Adaptive Cards"; MessageSizeTooBig past it). So the chart is drawn small and stored as a palette PNG, and a card
/// that would still be too large keeps the chart's words instead of the picture, last chart first.
/// </summary>
internal static class TeamsChartImages
{
    /// <summary>28 KB for the card, less room for the activity that carries it (type, ids, fallback text).</summary>
    public const int MaxCardBytes = (28 * 1024) - 2048;

    private const string IdPrefix = "chart-";

    public static IEnumerable<JsonNode> For(int verdictNumber, Verdict verdict) => For(verdictNumber, verdict.Charts);

    /// <summary>Give it cleaned charts: their words become the images' alt text as they are.</summary>
    public static IEnumerable<JsonNode> For(int verdictNumber, IEnumerable<Chart> charts) => charts
        .Where(ChartPainter.HasData)
        .Select((chart, i) => (JsonNode)new JsonObject
        {
            ["type"] = "Image",
            ["id"] = $"{IdPrefix}{verdictNumber}-{i + 1}",
            ["url"] = ChartImages.DataUri(IndexedPng.FromPng(ChartPainter.Png(chart, ChartSize.Card))),
            ["altText"] = ChartAltText.For(chart),
            ["size"] = "Stretch",
        });

    /// <summary>Swaps pictures for their words, from the last, until the card fits <see cref="MaxCardBytes"/>.</summary>
    public static JsonObject Fit(JsonObject card)
    {
        while (Bytes(card) > MaxCardBytes && Images(card).LastOrDefault() is { } image)
        {
            var words = Text(Run("Chart (too large for a Teams card; the CLI's --charts and the web chat draw it): ", subtle: true),
                Run(image["altText"]!.GetValue<string>(), subtle: true));
            var parent = (JsonArray)image.Parent!;
            parent[parent.IndexOf(image)] = words;
        }

        return card;
    }

    public static int Bytes(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    private static IEnumerable<JsonObject> Images(JsonNode node) => node switch
    {
        JsonObject image when image["type"]?.GetValue<string>() == "Image"
            && image["id"]?.GetValue<string>() is { } id && id.StartsWith(IdPrefix, StringComparison.Ordinal) => [image],
        JsonObject other => other.Select(property => property.Value).OfType<JsonNode>().SelectMany(Images),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Images),
        _ => [],
    };
}
