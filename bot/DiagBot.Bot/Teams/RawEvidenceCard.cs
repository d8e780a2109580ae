using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using static DiagBot.Bot.Teams.AdaptiveCardElements;

namespace DiagBot.Bot.Teams;

/// <summary>"Show raw evidence": the diagnosis in the stable JSON shape, shown verbatim in a monospace run.</summary>
internal static class RawEvidenceCard
{
    public static JsonObject Render(DiagnosisReport report, AnswerOrigin origin)
    {
        var json = JsonRenderer.Render(report, origin);
        return Card(
            [Heading($"Raw evidence: {report.Subject.Text}"), Text(Run(json, monospace: true))],
            [TeamsCardActions.RerunButton(report.Subject.Text)],
            TeamsMarkdown.Format($"Raw evidence: {report.Subject.Text}"));
    }
}
