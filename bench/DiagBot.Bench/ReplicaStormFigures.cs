using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DiagBot.Bench;

/// <summary>What the storm across replicas did: deliveries and duplicates, incident posts and any posted twice, memory per replica.</summary>
internal sealed partial record ReplicaStormFigures(
    int Replicas, int Events, int Deliveries, int Duplicates, int Services, IReadOnlyList<string> Posts, int Replies, int Updates, int ApiCalls,
    double DeliverySeconds, double PostedSeconds, IReadOnlyList<double> PeakWorkingSetsMb, long RedisKeys, double RedisUsedMb)
{
    public double PeakWorkingSetMb => PeakWorkingSetsMb.Max();

    /// <summary>Posts beyond the first for the same incident, told apart by the service and cluster each post names.</summary>
    public int DuplicatePosts => Posts.Count - Posts.Select(Incident).Distinct(StringComparer.Ordinal).Count();

    public IReadOnlyDictionary<string, double?> Json => new Dictionary<string, double?>
    {
        ["storm_replicas"] = Replicas,
        ["storm_bot_peak_working_set_mb"] = Math.Round(PeakWorkingSetMb, 1),
    };

    public string ToTableRows()
    {
        var text = new StringBuilder();
        var replicas = $"storm across {Replicas} replicas sharing one Redis";
        Row(text, $"{replicas}: events, each delivered twice / duplicates answered as such",
            $"{Events} ({Deliveries} POSTs) / {Duplicates}", "every duplicate recognised");
        Row(text, $"{replicas}: failing services / incident posts / posted twice",
            $"{Services} / {Posts.Count} / {DuplicatePosts}", "one post per incident, none twice");
        Row(text, $"{replicas}: thread replies / message updates when the last incident was posted", $"{Replies} / {Updates}", "");
        Row(text, $"{replicas}: AWS calls sent", $"{ApiCalls}", "");
        Row(text, $"{replicas}: all POSTs answered / every incident posted", $"{DeliverySeconds:0.0} s / {PostedSeconds:0.0} s", "Slack's 1 message a second");
        var each = string.Join(" / ", PeakWorkingSetsMb.Select(mb => mb.ToString("0", CultureInfo.InvariantCulture)));
        Row(text, $"{replicas}: the bot's peak working set, each replica in its own process", $"{each} MB", "under 200 MB");
        Row(text, $"{replicas}: keys / memory in the shared Redis afterwards", $"{RedisKeys} / {RedisUsedMb:0} MB", "");
        return text.ToString();
    }

    // The post reads "...: <title> in service <name> (cluster <cluster>), <n> failing events" (SlackIncidentChannel.Body).
    private static string Incident(string post) => PostedIncident().Match(post) is { Success: true } match ? match.Value : post;

    private static void Row(StringBuilder text, string figure, FormattableString value, string target) =>
        text.AppendLine($"| {figure} | {value.ToString(CultureInfo.InvariantCulture)} | {target} |");

    [GeneratedRegex(@" in \S+ \S+ \(cluster [^)]*\)")]
    private static partial Regex PostedIncident();
}
