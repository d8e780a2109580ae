using System.Globalization;
using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The unit a structured log field's bare number is in: from the field's name when it says so ("duration_ms",
/// "ElapsedMilliseconds", "latency_seconds"), or from the convention of the logger that writes that field. Each
/// convention is the logger's own documented default; a field whose unit no convention settles is not read at all.
/// </summary>
internal static partial class DurationUnits
{
    /// <summary>Seconds per unit: a TimeSpan cannot hold one nanosecond.</summary>
    public const double Millisecond = 1e-3;
    public const double Second = 1;
    public const double Microsecond = 1e-6;
    public const double Nanosecond = 1e-9;

    /// <summary>Fields whose unit is fixed by the logger that writes them, with where that is written down.</summary>
    private static readonly Dictionary<string, double> Conventional = new(StringComparer.Ordinal)
    {
        // pino-http (Node): "responseTime" in milliseconds on its "request completed" line (pino-http README).
        ["responseTime"] = Millisecond,

        // Serilog.AspNetCore request logging (.NET): "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms".
        ["Elapsed"] = Millisecond,

        // logstash-logback-encoder's access events (Java): "elapsed_time", elapsed time in milliseconds (its README's field table).
        ["elapsed_time"] = Millisecond,

        // nginx $request_time and $upstream_response_time: seconds with a milliseconds resolution (ngx_http_log_module,
        // ngx_http_upstream_module); its docs' log_format example names them rt= and urt=. gunicorn (Python) %(L)s: request
        // time in decimal seconds, usually logged under the same name.
        ["request_time"] = Second,
        ["upstream_response_time"] = Second,
        ["rt"] = Second,
        ["urt"] = Second,

        // ALB access log entries: request_processing_time, target_processing_time, response_processing_time in seconds
        // ("Access log entries", Elastic Load Balancing user guide); -1 when the target did not answer.
        ["request_processing_time"] = Second,
        ["target_processing_time"] = Second,
        ["response_processing_time"] = Second,
    };

    /// <summary>Seconds per unit of <paramref name="field"/>'s bare number, given which logger wrote the line; null when not settled.</summary>
    public static double? Of(string field, GoLogger logger, bool isInteger)
    {
        if (Conventional.TryGetValue(field, out var unit))
        {
            return unit;
        }

        if (Suffixed().Match(field) is { Success: true } named)
        {
            return named.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "ms" or "millis" or "milliseconds" => Millisecond,
                "us" or "micros" or "microseconds" => Microsecond,
                "ns" or "nanos" or "nanoseconds" => Nanosecond,
                _ => Second,
            };
        }

        if (!DurationName().IsMatch(field))
        {
            return null;
        }

        // Go: zap's production encoder writes durations as float seconds (zapcore.SecondsDurationEncoder); log/slog's
        // JSONHandler and logrus (encoding/json) write a time.Duration as integer nanoseconds.
        return logger switch
        {
            GoLogger.Zap when !isInteger => Second,
            GoLogger.EncodingJson when isInteger => Nanosecond,
            _ => (double?)null,
        };
    }

    /// <summary>
    /// A field that may hold a duration written with its unit (slog's TextHandler "duration=1m27.4s"; echo's
    /// "latency_human" beside its nanosecond "latency", which no logger convention here settles).
    /// </summary>
    public static bool IsDurationField(string field) =>
        Conventional.ContainsKey(field) || Suffixed().IsMatch(field) || DurationName().IsMatch(field) || field == "latency_human";

    /// <summary>A Go duration string as time.Duration.String writes it ("87.412s", "1m27.4s", "350ms", "1h0m0s").</summary>
    public static TimeSpan? ParseGo(string text)
    {
        if (GoDuration().Match(text) is not { Success: true } match || match.Length == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var m = GoPart().Match(part.Value);
            var value = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += m.Groups["u"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        }

        return total;
    }

    // The duration-like name before a unit suffix: "duration_ms", "latencyMs", "ElapsedMilliseconds", "request_time_seconds".
    // A separator before the unit, or camel case ("latencyMs"): "durations" is not "duration" in seconds.
    [GeneratedRegex(@"^(?i:duration|latency|elapsed|took|time_?taken|response_?time|request_?time|processing_?time|process_?time)"
        + @"(?:[_-](?i:(?<unit>ms|millis|milliseconds|us|micros|microseconds|ns|nanos|nanoseconds|s|secs?|seconds))"
        + @"|(?<unit>Ms|MS|Millis|Milliseconds|Us|Micros|Microseconds|Ns|Nanos|Nanoseconds|Secs?|Seconds))$")]
    private static partial Regex Suffixed();

    [GeneratedRegex(@"^(duration|latency|elapsed|took)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationName();

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$")]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>h|ms|m|s|us|µs|ns)$")]
    private static partial Regex GoPart();
}

/// <summary>Which Go logging convention a JSON line follows, told from its own keys; None for every other logger.</summary>
internal enum GoLogger
{
    None,

    /// <summary>zap's production encoder: "ts" as float epoch seconds, "caller", "msg".</summary>
    Zap,

    /// <summary>log/slog's JSONHandler or logrus: "time" as a string, "level", "msg".</summary>
    EncodingJson,
}
