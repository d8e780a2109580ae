using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The text a client shows when it cannot render the card (the card's fallbackText, which Teams treats as
/// Markdown): one line per verdict, with Markdown characters escaped so evidence never turns into formatting.
/// </summary>
internal static class TeamsFallbackText
{
    public static TeamsMarkdown For(DiagnosisReport report, AnswerOrigin origin)
    {
        report = OutgoingText.Clean(report);
        var text = TeamsMarkdown.Format($"Diagnosis: {report.Subject.Text}");
        foreach (var verdict in report.Verdicts)
        {
            text += TeamsMarkdown.Format($"\n\n{verdict.Title} ({verdict.Status.ToWire()}): {verdict.RootCause}");
        }

        foreach (var outside in report.Outside)
        {
            text += TeamsMarkdown.Format($"\n\n{OutsideFailure.Heading}, {outside.Name}: {outside.RootCause}");
        }

        if (report.Verdicts.Count == 0 && report.Outside.Count == 0)
        {
            text += TeamsMarkdown.Own("\n\nNo failure mode confirmed.");
        }

        if (origin.IsSandbox)
        {
            text += TeamsMarkdown.Format($"\n\n{origin.Description}");
        }

        return text;
    }
}
