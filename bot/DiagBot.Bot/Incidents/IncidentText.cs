using System.Globalization;

namespace DiagBot.Bot.Incidents;

/// <summary>The incident in words, the same for every channel that shows text.</summary>
internal static class IncidentText
{
    public static string Headline(IncidentView view)
    {
        var record = view.Record;
        var state = record.Recovered ? ":white_check_mark: Recovered" : ":rotating_light: Incident";
        return string.Create(CultureInfo.InvariantCulture, $"{state}: {record.Title} in {record.ScopeKind} {record.Service} (cluster {record.Cluster}), {view.Count} failing event{(view.Count == 1 ? "" : "s")}");
    }

    public static string Body(IncidentView view)
    {
        var record = view.Record;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Headline(view)}\n*Root cause:* {record.RootCause}\n*Latest:* {record.LatestEvidence}\n*Playbook:* {record.Playbook} · first seen {record.FirstSeen:u} · last seen {record.LastSeen:u}");
    }
}
