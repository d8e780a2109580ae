using System.Globalization;
using System.Text;

namespace DiagBot.Bench;

/// <summary>What the storm did: deliveries and duplicates answered, incidents and Slack messages, AWS calls, time, memory.</summary>
internal sealed record StormFigures(
    int Events, int Deliveries, int Duplicates, int Services, int SeededServices, int Posts, int Replies, int Updates, int ApiCalls,
    double DeliverySeconds, double Seconds, double PeakWorkingSetMb)
{
    public IReadOnlyDictionary<string, double?> Json => new Dictionary<string, double?>
    {
        ["storm_services"] = Services,
        ["storm_posts"] = Posts,
        ["storm_api_calls"] = ApiCalls,
        ["storm_seconds"] = Math.Round(Seconds, 2),
        ["storm_peak_working_set_mb"] = Math.Round(PeakWorkingSetMb, 1),
    };

    public string ToTableRows()
    {
        var text = new StringBuilder();
        Row(text, $"storm: events, each delivered twice / duplicates answered as such", $"{Events} ({Deliveries} POSTs) / {Duplicates}", "every duplicate recognised");
        Row(text, $"storm: failing services ({SeededServices} seeded in the sandbox) / incident posts to Slack", $"{Services} / {Posts}", "one post per incident");
        Row(text, $"storm: thread replies / message updates", $"{Replies} / {Updates}", "at most one reply per incident per minute");
        Row(text, $"storm: AWS calls sent", $"{ApiCalls}", "");
        Row(text, $"storm: all POSTs answered / settled (last Slack message sent)", $"{DeliverySeconds:0.0} s / {Seconds:0.0} s", "");
        Row(text, $"storm: peak working set (bot, sandbox and load generator in one process)", $"{PeakWorkingSetMb:0} MB", "");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string figure, FormattableString value, string target) =>
        text.AppendLine($"| {figure} | {value.ToString(CultureInfo.InvariantCulture)} | {target} |");
}
