using System.Globalization;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Incidents;

/// <summary>
/// The incident in plain words, cleaned, for surfaces that interpret nothing (the feed, Teams TextRuns and summaries).
/// Slack's mrkdwn with its emoji codes is <see cref="SlackIncidentChannel"/>'s own; Teams shows Unicode emoji.
/// </summary>
internal static class IncidentText
{
    public static string State(IncidentRecord record) => record.Recovered ? "Recovered" : "Incident";

    public static string Headline(IncidentView view)
    {
        var record = view.Record;
        return OutgoingText.Plain(string.Create(CultureInfo.InvariantCulture,
            $"{State(record)}: {record.Title} in {record.ScopeKind} {record.Service} (cluster {record.Cluster}), {view.Count} failing event{(view.Count == 1 ? "" : "s")}"));
    }

    public static string Body(IncidentView view)
    {
        var record = view.Record;
        return Headline(view) + OutgoingText.Plain(string.Create(CultureInfo.InvariantCulture,
            $"\nRoot cause: {record.RootCause}\nLatest: {record.LatestEvidence}\nPlaybook: {record.Playbook} · first seen {record.FirstSeen:u} · last seen {record.LastSeen:u}"));
    }
}
