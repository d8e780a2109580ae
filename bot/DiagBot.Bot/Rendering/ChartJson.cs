using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// A verdict's charts in the JSON contract of docs/cli.md: points as <c>[iso8601, value]</c> pairs, UTC, so a
/// tool can plot them without knowing our types.
/// </summary>
internal static class ChartJson
{
    private const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string MillisecondsFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static JsonArray Charts(IReadOnlyList<Chart> charts) => new(charts.Select(chart => (JsonNode?)new JsonObject
    {
        ["kind"] = chart.Kind,
        ["title"] = chart.Title,
        ["unit"] = chart.Unit,
        ["series"] = new JsonArray(chart.Series.Select(series => (JsonNode?)new JsonObject
        {
            ["name"] = series.Name,
            ["points"] = new JsonArray(series.Points.Where(point => double.IsFinite(point.Value))
                .Select(point => (JsonNode?)new JsonArray(Timestamp(point.At), point.Value)).ToArray()),
        }).ToArray()),
        ["markers"] = new JsonArray(chart.Markers.Select(marker => (JsonNode?)new JsonObject
        {
            ["at"] = Timestamp(marker.At),
            ["label"] = marker.Label,
        }).ToArray()),
        ["thresholds"] = new JsonArray(chart.Thresholds.Where(threshold => double.IsFinite(threshold.Value))
            .Select(threshold => (JsonNode?)new JsonObject
            {
                ["value"] = threshold.Value,
                ["label"] = threshold.Label,
            }).ToArray()),
    }).ToArray());

    /// <summary>
    /// JSON has no NaN or Infinity: a point without a finite value is left out rather than breaking the document.
    /// Metric timestamps are whole seconds; task events carry milliseconds, kept only when there are some.
    /// </summary>
    public static string Timestamp(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.ToString(utc.Millisecond == 0 ? SecondsFormat : MillisecondsFormat, CultureInfo.InvariantCulture);
    }
}
