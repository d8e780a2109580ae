using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// The one path every text takes before it leaves DiagBot: terminal controls replaced, then secrets redacted.
/// Escaping for a surface comes after this, in that surface's own type (<see cref="Slack.SlackMrkdwn"/>,
/// <see cref="Teams.TeamsMarkdown"/>) or builder (Adaptive Card TextRuns, the feed's JSON); the convention test
/// OutgoingTextConventionTests keeps every poster on it.
/// </summary>
internal static class OutgoingText
{
    /// <summary>Text for a surface that interprets nothing: a TextRun, the feed's JSON, a terminal line.</summary>
    public static string Plain(string? text) => text is null ? string.Empty : Redactor.Redact(ControlCharacters.Replace(text));

    /// <summary>A report with every quoted text (reasons, evidence, gaps) cleaned the same way.</summary>
    public static DiagnosisReport Clean(DiagnosisReport report) => Redactor.Redact(report, ControlCharacters.Replace);

    /// <summary>A chart's words (title, series, limits, moments) cleaned the same way: an incident post's charts.</summary>
    public static Chart Clean(Chart chart) => Redactor.RedactChart(chart, ControlCharacters.Replace);
}
