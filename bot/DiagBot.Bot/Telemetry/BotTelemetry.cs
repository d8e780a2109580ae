using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DiagBot.Bot.Telemetry;

/// <summary>The bot's own instruments: how fast requests are acknowledged, and what incidents post where.</summary>
internal static class BotTelemetry
{
    public const string MeterName = "DiagBot.Bot";
    public const string AckDurationName = "diagbot.ack.duration";
    public const string IncidentMessagesName = "diagbot.incident.messages";
    public const string ChannelTag = "diagbot.channel";
    public const string KindTag = "diagbot.message.kind";
    public const string RouteTag = "http.route";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> AckDuration = Meter.CreateHistogram<double>(
        AckDurationName, "s", "Time from a chat or event request arriving to its acknowledgement", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
        });

    private static readonly Counter<long> IncidentMessages = Meter.CreateCounter<long>(IncidentMessagesName, "{message}", "Incident posts, thread replies and updates sent, by channel");

    public static void RecordAck(string channel, string route, TimeSpan elapsed) =>
        AckDuration.Record(elapsed.TotalSeconds, new TagList { { ChannelTag, channel }, { RouteTag, route } });

    /// <param name="channel">The incident channel's name, "slack:C0123", "teams:19:...", "webfeed": tagged by its kind only.</param>
    /// <param name="kind">post, reply or update.</param>
    public static void RecordIncidentMessage(string channel, string kind) =>
        IncidentMessages.Add(1, new TagList { { ChannelTag, channel.Split(':')[0] }, { KindTag, kind } });
}
