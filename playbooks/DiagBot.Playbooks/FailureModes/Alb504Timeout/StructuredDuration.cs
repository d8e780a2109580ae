using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Request durations that structured loggers write as bare numbers, their unit a convention of the logger
/// (<see cref="DurationUnits"/>): JSON lines (pino, zap, slog, logrus, Serilog, ASP.NET Core's JSON console,
/// logstash-logback-encoder, nginx's escape=json formats), key=value lines (nginx's rt=, Go's logfmt), and ALB access log entries.
/// </summary>
internal static partial class StructuredDuration
{
    private const int MostDepth = 3;

    /// <summary>Each duration the line carries, with the field it was read from.</summary>
    public static IEnumerable<(TimeSpan Duration, string Field)> In(string line)
    {
        var open = line.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0 && line.LastIndexOf('}') is var close && close > open)
        {
            return FromJson(line[open..(close + 1)]);
        }

        return AlbEntry().Match(line) is { Success: true } alb ? FromAlbEntry(alb) : FromKeyValues(line);
    }

    private static List<(TimeSpan, string)> FromJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var found = new List<(TimeSpan, string)>();
            var logger = GoLoggerOf(document.RootElement);
            Walk(document.RootElement, logger, found, 0);
            return found;
        }
    }

    private static void Walk(JsonElement element, GoLogger logger, List<(TimeSpan, string)> found, int depth)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && depth < MostDepth)
            {
                Walk(property.Value, logger, found, depth + 1);
                continue;
            }

            var raw = property.Value.ValueKind switch
            {
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.String => property.Value.GetString(),
                _ => null,
            };
            if (raw is not null && Read(property.Name, raw, logger) is { } duration)
            {
                found.Add((duration, property.Name));
            }
        }
    }

    private static IEnumerable<(TimeSpan, string)> FromKeyValues(string line) =>
        KeyValue().Matches(line)
            .Select(m => (Field: m.Groups["key"].Value, Duration: Read(m.Groups["key"].Value, m.Groups["value"].Value, GoLogger.None)))
            .Where(pair => pair.Duration is not null)
            .Select(pair => (pair.Duration!.Value, pair.Field))
            .ToList();

    private static IEnumerable<(TimeSpan, string)> FromAlbEntry(Match entry)
    {
        string[] fields = ["request_processing_time", "target_processing_time", "response_processing_time"];
        return fields.Select(f => (Field: f, Duration: Read(f, entry.Groups[f].Value, GoLogger.None)))
            .Where(pair => pair.Duration is not null)
            .Select(pair => (pair.Duration!.Value, pair.Field))
            .ToList();
    }

    // A bare number in the field's conventional unit, or a Go duration string whatever the field ("1m27.412s").
    private static TimeSpan? Read(string field, string raw, GoLogger logger)
    {
        var text = raw.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // -1: ALB's "the target did not answer"; nginx writes "-" for no upstream, which does not parse.
            var isInteger = !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
            return value >= 0 && DurationUnits.Of(field, logger, isInteger) is { } unit ? TimeSpan.FromSeconds(value * unit) : null;
        }

        return DurationUnits.IsDurationField(field) ? DurationUnits.ParseGo(text) : null;
    }

    private static GoLogger GoLoggerOf(JsonElement root)
    {
        var has = (string name) => root.TryGetProperty(name, out _);
        if (root.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number && has("msg"))
        {
            return GoLogger.Zap;
        }

        return root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String && has("level") && has("msg")
            ? GoLogger.EncodingJson
            : GoLogger.None;
    }

    // key=value and key="value" pairs (logfmt, nginx's log_format example with rt= and urt="...").
    [GeneratedRegex(@"(?<![\w.-])(?<key>[A-Za-z_][\w.-]*)=""?(?<value>[^\s"",]+)""?")]
    private static partial Regex KeyValue();

    // type time elb client:port target:port request_processing_time target_processing_time response_processing_time elb_status_code ...
    [GeneratedRegex(@"^(?:https?|h2|grpcs|wss?) \S+ \S+ \S+ \S+ "
        + @"(?<request_processing_time>-?[\d.]+) (?<target_processing_time>-?[\d.]+) (?<response_processing_time>-?[\d.]+) (?:\d{3}|-) ")]
    private static partial Regex AlbEntry();
}
